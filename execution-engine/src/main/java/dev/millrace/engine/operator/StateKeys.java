package dev.millrace.engine.operator;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The layout of store keys (table rows and aggregations alike). Data keys start with 1: the encoded
 * group key, then for a window its start and end (8 bytes each, sign bit flipped so that they sort
 * as numbers). The single key {0} holds the operator's observed stream time, so that lateness
 * survives a restore.
 */
final class StateKeys {
  static final byte[] STREAM_TIME = {0};

  private StateKeys() {}

  static byte[] key(byte[] groupKey) {
    byte[] key = new byte[groupKey.length + 1];
    key[0] = 1;
    System.arraycopy(groupKey, 0, key, 1, groupKey.length);
    return key;
  }

  /** The same as {@code key(codec.encode(groupKey))}, encoded in one buffer: the hot path's. */
  static byte[] key(RowCodec codec, Object[] groupKey) {
    ByteWriter out = new ByteWriter(32);
    out.writeByte(1);
    codec.encodeTo(groupKey, out);
    return out.toByteArray();
  }

  static byte[] windowKey(byte[] groupKey, long start, long end) {
    ByteBuffer key = ByteBuffer.allocate(groupKey.length + 17);
    key.put((byte) 1).put(groupKey).putLong(start ^ Long.MIN_VALUE).putLong(end ^ Long.MIN_VALUE);
    return key.array();
  }

  /** The key of a row in a table store: windowed when the row has a window. */
  static byte[] rowKey(byte[] groupKey, Window window) {
    return window == null ? key(groupKey) : windowKey(groupKey, window.start(), window.end());
  }

  static Window window(byte[] windowKey) {
    ByteBuffer key = ByteBuffer.wrap(windowKey, windowKey.length - 16, 16);
    return new Window(key.getLong() ^ Long.MIN_VALUE, key.getLong() ^ Long.MIN_VALUE);
  }

  /** The first key after every key that starts with {@code prefix} (null: no such key). */
  static byte[] after(byte[] prefix) {
    byte[] next = prefix.clone();
    for (int i = next.length - 1; i >= 0; i--) {
      if (next[i] != (byte) 0xFF) {
        next[i]++;
        return Arrays.copyOf(next, i + 1);
      }
    }
    return null;
  }

  static long decodeTime(byte[] stored) {
    return ByteBuffer.wrap(stored).getLong();
  }

  static byte[] encodeTime(long time) {
    return ByteBuffer.allocate(8).putLong(time).array();
  }
}
