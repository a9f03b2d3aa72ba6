package dev.millrace.engine.state;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** What the read cache spares the store below, and that it never disagrees with it. */
class ReadCachingKeyValueStoreTest {
  private final InMemoryKeyValueStore memory = new InMemoryKeyValueStore("t");
  private final CountingStore below = new CountingStore(memory);

  @Test
  void aKeyReadAgainIsAnsweredFromMemoryWithOrWithoutAValue() {
    memory.put(bytes("user1"), bytes("Region_1"));
    ReadCachingKeyValueStore store = new ReadCachingKeyValueStore(below, 1 << 20);

    for (int i = 0; i < 3; i++) {
      assertArrayEquals(bytes("Region_1"), store.get(bytes("user1")));
      assertNull(store.get(bytes("user2")));
    }

    assertEquals(List.of("user1", "user2"), below.reads);
  }

  @Test
  void writesGoThroughAndReplaceWhatIsRemembered() {
    ReadCachingKeyValueStore store = new ReadCachingKeyValueStore(below, 1 << 20);
    assertNull(store.get(bytes("a")));

    store.put(bytes("a"), bytes("1"));
    assertArrayEquals(bytes("1"), store.get(bytes("a")));
    assertArrayEquals(bytes("1"), memory.get(bytes("a")));

    store.putAll(Map.of(bytes("a"), bytes("2")));
    assertArrayEquals(bytes("2"), store.get(bytes("a")));

    store.delete(bytes("a"));
    assertNull(store.get(bytes("a")));
    assertNull(memory.get(bytes("a")));

    assertEquals(List.of("a"), below.reads);
  }

  @Test
  void theLeastRecentlyReadKeyMakesRoomFirst() {
    long oneEntry = ReadCachingKeyValueStore.ENTRY_OVERHEAD + 2 + 2;
    ReadCachingKeyValueStore store = new ReadCachingKeyValueStore(below, 2 * oneEntry);
    store.put(bytes("k1"), bytes("v1"));
    store.put(bytes("k2"), bytes("v2"));
    store.get(bytes("k1"));

    store.put(bytes("k3"), bytes("v3"));
    store.get(bytes("k1"));
    store.get(bytes("k3"));
    store.get(bytes("k2"));

    assertEquals(2, store.size());
    assertEquals(List.of("k2"), below.reads);
  }

  @Test
  void aNegativeSizeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ReadCachingKeyValueStore(below, -1));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  /** The store below, noting each key read from it. */
  private static final class CountingStore implements KeyValueStore {
    final List<String> reads = new ArrayList<>();
    private final KeyValueStore inner;

    CountingStore(KeyValueStore inner) {
      this.inner = inner;
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public byte[] get(byte[] key) {
      reads.add(new String(key, UTF_8));
      return inner.get(key);
    }

    @Override
    public void put(byte[] key, byte[] value) {
      inner.put(key, value);
    }

    @Override
    public void delete(byte[] key) {
      inner.delete(key);
    }

    @Override
    public void range(byte[] from, byte[] to, BiConsumer<byte[], byte[]> visitor) {
      inner.range(from, to, visitor);
    }

    @Override
    public void putAll(Map<byte[], byte[]> entries) {
      inner.putAll(entries);
    }

    @Override
    public void flush() {
      inner.flush();
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
