package dev.millrace.engine.state;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeloggingKeyValueStoreTest {
  private final ChangelogPartition changelog = new ChangelogPartition("q1-store-changelog", 3);
  private final InMemoryKeyValueStore below = new InMemoryKeyValueStore("store");
  private final ChangeloggingKeyValueStore store = new ChangeloggingKeyValueStore(below, changelog);

  @Test
  void writesReachTheChangelogOncePerKeyWithTheLastValueInTheOrderKeysWereFirstWritten() {
    store.put(bytes("b"), bytes("1"));
    store.put(bytes("a"), bytes("1"));
    store.put(bytes("b"), bytes("2"));
    store.delete(bytes("a"));

    assertArrayEquals(bytes("2"), store.get(bytes("b")));
    assertEquals(List.of("q1-store-changelog-3 b=2", "q1-store-changelog-3 a=null"), sent());
  }

  @Test
  void theStoreBelowGetsTheCoalescedWritesWhenTheyAreSentAndReadsSeeThemBefore() {
    below.put(bytes("a"), bytes("0"));
    store.put(bytes("a"), bytes("1"));
    store.put(bytes("a"), bytes("2"));
    store.delete(bytes("c"));
    store.put(bytes("b"), bytes("1"));
    store.delete(bytes("b"));

    assertArrayEquals(bytes("0"), below.get(bytes("a")));
    assertArrayEquals(bytes("2"), store.get(bytes("a")));
    assertNull(store.get(bytes("b")));
    assertEquals(
        List.of(
            "q1-store-changelog-3 a=2",
            "q1-store-changelog-3 c=null",
            "q1-store-changelog-3 b=null"),
        sent());
    assertArrayEquals(bytes("2"), below.get(bytes("a")));
    assertNull(below.get(bytes("b")));
  }

  @Test
  void aRangeScanSeesTheWritesNotYetSent() {
    below.put(bytes("a"), bytes("0"));
    below.put(bytes("b"), bytes("0"));
    store.put(bytes("c"), bytes("1"));
    store.delete(bytes("a"));

    List<String> seen = new ArrayList<>();
    store.range(null, null, (key, value) -> seen.add(text(key) + "=" + text(value)));

    assertEquals(List.of("b=0", "c=1"), seen);
    assertEquals(List.of("q1-store-changelog-3 c=1", "q1-store-changelog-3 a=null"), sent());
  }

  @Test
  void writesAfterARangeScanReachTheStoreBelowWhenSentAndAreSentWithTheEarlierOnes() {
    store.put(bytes("a"), bytes("1"));
    store.range(null, null, (key, value) -> {});
    store.put(bytes("a"), bytes("2"));
    store.put(bytes("b"), bytes("1"));

    assertArrayEquals(bytes("1"), below.get(bytes("a")));
    assertNull(below.get(bytes("b")));
    assertArrayEquals(bytes("2"), store.get(bytes("a")));
    assertEquals(List.of("q1-store-changelog-3 a=2", "q1-store-changelog-3 b=1"), sent());
    assertArrayEquals(bytes("2"), below.get(bytes("a")));
    assertArrayEquals(bytes("1"), below.get(bytes("b")));
  }

  @Test
  void sendingEmptiesTheBuffer() {
    store.put(bytes("a"), bytes("1"));
    sent();
    assertFalse(store.hasPendingWrites());
    assertEquals(List.of(), sent());
  }

  private List<String> sent() {
    List<String> lines = new ArrayList<>();
    store.sendChangelog(
        (partition, key, value) -> lines.add(partition + " " + text(key) + "=" + text(value)));
    return lines;
  }

  private static String text(byte[] bytes) {
    return bytes == null ? "null" : new String(bytes, UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
