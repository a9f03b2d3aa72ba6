package dev.millrace.engine.serde;

import dev.millrace.engine.operator.Window;
import dev.millrace.engine.plan.WindowInfo;
import java.nio.ByteBuffer;

/**
 * A windowed key in Kafka Streams' layout: the inner key's bytes, then for a time window its 8-byte
 * start (the end is start + size), for a session window its 8-byte end then 8-byte start.
 */
final class WindowedKeySerde implements KeySerde {
  private final KeySerde inner;
  private final WindowInfo window;
  private final int suffix;

  WindowedKeySerde(KeySerde inner, WindowInfo window) {
    this.inner = inner;
    this.window = window;
    this.suffix = window.type() == WindowInfo.Type.SESSION ? 16 : 8;
  }

  @Override
  public byte[] serialize(Object[] key, Window bounds) {
    byte[] keyBytes = inner.serialize(key, null);
    byte[] base = keyBytes == null ? new byte[0] : keyBytes;
    ByteBuffer out = ByteBuffer.allocate(base.length + suffix).put(base);
    if (window.type() == WindowInfo.Type.SESSION) {
      out.putLong(bounds.end()).putLong(bounds.start());
    } else {
      out.putLong(bounds.start());
    }
    return out.array();
  }

  @Override
  public int windowBytes() {
    return suffix;
  }

  @Override
  public DecodedKey deserialize(byte[] bytes) {
    if (bytes == null || bytes.length < suffix) {
      throw new SerdeException(
          "Failed to deserialize windowed key: expected at least "
              + suffix
              + " bytes, got "
              + (bytes == null ? 0 : bytes.length));
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int keyLength = bytes.length - suffix;
    byte[] keyBytes = new byte[keyLength];
    in.get(keyBytes);
    Window bounds;
    if (window.type() == WindowInfo.Type.SESSION) {
      long end = in.getLong();
      bounds = new Window(in.getLong(), end);
    } else {
      long start = in.getLong();
      bounds = new Window(start, start + window.sizeMs());
    }
    Object[] columns = inner.deserialize(keyLength == 0 ? null : keyBytes).columns();
    return new DecodedKey(columns, bounds);
  }
}
