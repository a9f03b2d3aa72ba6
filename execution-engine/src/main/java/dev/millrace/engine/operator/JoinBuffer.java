package dev.millrace.engine.operator;

import dev.millrace.engine.state.KeyValueStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a stream-stream join's store, shared by the operators of its two sides:
 *
 * <ul>
 *   <li>{@code [0][side]}: the largest record time put in that side's buffer (its observed stream
 *       time), so that expiry is judged the same after a restore;
 *   <li>{@code [1 + side][key][time][seq]}: each side's recent rows, by key then time, so that a
 *       row finds the other side's matches with one range scan;
 *   <li>{@code [3][time][side][key][seq]}: outer rows still waiting for a match, by time, so that
 *       those whose window closed are found from the front.
 * </ul>
 *
 * Keys are {@link RowCodec}-encoded (prefix-free), followed by the window bounds for windowed
 * sources; times are big-endian with the sign bit flipped so they sort as numbers; {@code seq}
 * tells apart rows of the same key and time, which a stream may repeat.
 */
final class JoinBuffer {
  private static final byte ROWS = 1;
  private static final byte PENDING = 3;

  private final KeyValueStore store;

  JoinBuffer(KeyValueStore store) {
    this.store = store;
  }

  /** A buffered row: its time and its encoded value. */
  record Entry(long time, byte[] value) {}

  /**
   * A pending outer row: the side it came from, its encoded key, time and value, and where it is
   * stored.
   */
  record Pending(JoinSide side, byte[] key, long time, byte[] value, byte[] storeKey) {}

  long observed(JoinSide side) {
    byte[] saved = store.get(new byte[] {0, side.code()});
    return saved == null ? Long.MIN_VALUE : StateKeys.decodeTime(saved);
  }

  void saveObserved(JoinSide side, long time) {
    store.put(new byte[] {0, side.code()}, StateKeys.encodeTime(time));
  }

  void add(JoinSide side, byte[] key, long time, byte[] value) {
    byte[] prefix = rowPrefix(side, key, time);
    store.put(withSeq(prefix, count(prefix)), value);
  }

  /** The side's rows of {@code key} with {@code from <= time <= to}, in time order. */
  List<Entry> find(JoinSide side, byte[] key, long from, long to) {
    List<Entry> found = new ArrayList<>();
    if (from > to) {
      return found;
    }
    int timeAt = 1 + key.length;
    store.range(
        rowPrefix(side, key, from),
        StateKeys.after(rowPrefix(side, key, to)),
        (k, v) -> found.add(new Entry(readTime(k, timeAt), v)));
    return found;
  }

  /** Deletes the side's rows older than {@code oldest}. */
  void expire(JoinSide side, long oldest) {
    List<byte[]> expired = new ArrayList<>();
    store.range(
        new byte[] {(byte) (ROWS + side.code())},
        new byte[] {(byte) (ROWS + side.code() + 1)},
        (k, v) -> {
          if (readTime(k, k.length - 12) < oldest) {
            expired.add(k);
          }
        });
    expired.forEach(store::delete);
  }

  void addPending(JoinSide side, byte[] key, long time, byte[] value) {
    byte[] prefix = pendingPrefix(side, key, time);
    store.put(withSeq(prefix, count(prefix)), value);
  }

  /** Forgets the pending rows of one side, key and time: they found a match. */
  void dropPending(JoinSide side, byte[] key, long time) {
    byte[] prefix = pendingPrefix(side, key, time);
    List<byte[]> matched = new ArrayList<>();
    store.range(
        prefix,
        StateKeys.after(prefix),
        (k, v) -> {
          if (k.length == prefix.length + 4) {
            matched.add(k);
          }
        });
    matched.forEach(store::delete);
  }

  /** The pending rows with a time before {@code bound}, in time order. */
  List<Pending> pendingBefore(long bound) {
    List<Pending> found = new ArrayList<>();
    store.range(
        new byte[] {PENDING},
        timed(new byte[] {PENDING}, bound),
        (k, v) -> {
          byte[] key = new byte[k.length - 14];
          System.arraycopy(k, 10, key, 0, key.length);
          found.add(new Pending(JoinSide.of(k[9]), key, readTime(k, 1), v, k));
        });
    return found;
  }

  void deletePending(Pending pending) {
    store.delete(pending.storeKey());
  }

  private int count(byte[] prefix) {
    int[] count = {0};
    store.range(
        prefix,
        StateKeys.after(prefix),
        (k, v) -> {
          if (k.length == prefix.length + 4) {
            count[0]++;
          }
        });
    return count[0];
  }

  private static byte[] rowPrefix(JoinSide side, byte[] key, long time) {
    ByteBuffer out = ByteBuffer.allocate(1 + key.length + 8);
    out.put((byte) (ROWS + side.code())).put(key).putLong(time ^ Long.MIN_VALUE);
    return out.array();
  }

  private static byte[] pendingPrefix(JoinSide side, byte[] key, long time) {
    ByteBuffer out = ByteBuffer.allocate(1 + 8 + 1 + key.length);
    out.put(PENDING).putLong(time ^ Long.MIN_VALUE).put(side.code()).put(key);
    return out.array();
  }

  private static byte[] timed(byte[] prefix, long time) {
    return ByteBuffer.allocate(prefix.length + 8)
        .put(prefix)
        .putLong(time ^ Long.MIN_VALUE)
        .array();
  }

  private static byte[] withSeq(byte[] prefix, int seq) {
    return ByteBuffer.allocate(prefix.length + 4).put(prefix).putInt(seq).array();
  }

  private static long readTime(byte[] key, int at) {
    return ByteBuffer.wrap(key, at, 8).getLong() ^ Long.MIN_VALUE;
  }
}
