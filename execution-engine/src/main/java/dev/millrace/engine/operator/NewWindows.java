package dev.millrace.engine.operator;

import dev.millrace.engine.state.ByteKey;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells a time-windowed aggregation, for most records, that the window a record updates is not in
 * its store yet, so that it skips a store lookup bound to miss: on a stream with many keys most
 * records open a new window, and a lookup that misses goes through every memtable and file of the
 * store.
 *
 * <p>Two facts make it safe. No stored window starts after the stream time saved with the store
 * ({@code openedAt}: a window starts at or before the record that wrote it, whose time the stream
 * time includes). And every window written since the store was opened is noted here, as the latest
 * start per group key. A window starting after both cannot be in the store. Memory is bounded: once
 * {@code maxGroups} groups are noted, a window of a group not among them is looked up.
 */
final class NewWindows {
  /** About a megabyte of heap per task at most. */
  static final int MAX_GROUPS = 10_000;

  private final long openedAt;
  private final int maxGroups;
  private final Map<ByteKey, long[]> latestStarts = new HashMap<>();

  NewWindows(long openedAt) {
    this(openedAt, MAX_GROUPS);
  }

  NewWindows(long openedAt, int maxGroups) {
    this.openedAt = openedAt;
    this.maxGroups = maxGroups;
  }

  /** Whether the window of {@code group} starting at {@code start} is surely not stored. */
  boolean isNew(byte[] group, long start) {
    if (start <= openedAt) {
      return false;
    }
    long[] latest = latestStarts.get(new ByteKey(group));
    if (latest != null) {
      return start > latest[0];
    }
    // Never full so far (nothing is ever removed), so every group written to is noted.
    return latestStarts.size() < maxGroups;
  }

  /** Notes that the window of {@code group} starting at {@code start} is being stored. */
  void written(byte[] group, long start) {
    ByteKey key = new ByteKey(group);
    long[] latest = latestStarts.get(key);
    if (latest != null) {
      latest[0] = Math.max(latest[0], start);
    } else if (latestStarts.size() < maxGroups) {
      latestStarts.put(key, new long[] {start});
    }
  }
}
