package dev.millrace.engine.state;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link KeyValueStore} shares; one subclass per implementation. */
abstract class KeyValueStoreContract {
  protected KeyValueStore store;

  protected abstract KeyValueStore newStore(String name);

  @BeforeEach
  void open() {
    store = newStore("contract");
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aPutValueIsReadBack() {
    store.put(bytes("a"), bytes("1"));
    assertArrayEquals(bytes("1"), store.get(bytes("a")));
    assertEquals("contract", store.name());
  }

  @Test
  void aMissingKeyReadsAsNull() {
    assertNull(store.get(bytes("missing")));
  }

  @Test
  void aLaterPutReplacesTheValue() {
    store.put(bytes("a"), bytes("1"));
    store.put(bytes("a"), bytes("2"));
    assertArrayEquals(bytes("2"), store.get(bytes("a")));
  }

  @Test
  void deleteAndPuttingNullBothRemoveTheKey() {
    store.put(bytes("a"), bytes("1"));
    store.put(bytes("b"), bytes("2"));
    store.delete(bytes("a"));
    store.put(bytes("b"), null);
    assertNull(store.get(bytes("a")));
    assertNull(store.get(bytes("b")));
  }

  @Test
  void keysAreOrderedAsUnsignedBytes() {
    byte[] high = {(byte) 0xF0};
    byte[] low = {0x01};
    byte[] prefix = {0x01, 0x00};
    store.put(high, bytes("high"));
    store.put(prefix, bytes("prefix"));
    store.put(low, bytes("low"));
    assertEquals(List.of("low", "prefix", "high"), values(null, null));
  }

  @Test
  void rangeIncludesFromAndExcludesTo() {
    for (String key : List.of("a", "b", "c", "d")) {
      store.put(bytes(key), bytes(key.toUpperCase()));
    }
    assertEquals(List.of("B", "C"), values(bytes("b"), bytes("d")));
    assertEquals(List.of("A", "B"), values(null, bytes("c")));
    assertEquals(List.of("C", "D"), values(bytes("c"), null));
    assertEquals(List.of(), values(bytes("d"), bytes("b")));
  }

  @Test
  void putAllWritesAndDeletesTogether() {
    store.put(bytes("gone"), bytes("x"));
    Map<byte[], byte[]> writes = new TreeMap<>(Arrays::compareUnsigned);
    writes.put(bytes("k1"), bytes("v1"));
    writes.put(bytes("k2"), bytes("v2"));
    writes.put(bytes("gone"), null);
    store.putAll(writes);
    assertEquals(List.of("v1", "v2"), values(null, null));
  }

  @Test
  void aVisitorMayWriteWhileScanning() {
    store.put(bytes("a"), bytes("1"));
    store.put(bytes("b"), bytes("2"));
    store.range(null, null, (key, value) -> store.put(key, bytes("seen")));
    assertEquals(List.of("seen", "seen"), values(null, null));
  }

  @Test
  void flushKeepsTheContents() {
    store.put(bytes("a"), bytes("1"));
    store.flush();
    assertArrayEquals(bytes("1"), store.get(bytes("a")));
  }

  @Test
  void closeTwiceIsHarmless() {
    store.close();
    store.close();
  }

  protected List<String> values(byte[] from, byte[] to) {
    List<String> seen = new ArrayList<>();
    store.range(from, to, (key, value) -> seen.add(new String(value, UTF_8)));
    return seen;
  }

  protected static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
