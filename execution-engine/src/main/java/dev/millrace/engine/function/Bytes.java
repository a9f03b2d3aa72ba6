package dev.millrace.engine.function;

import java.nio.ByteBuffer;

/** BYTES values (ByteBuffers) as arrays and back, without disturbing the buffer's position. */
final class Bytes {
  private Bytes() {}

  static byte[] toArray(Object value) {
    ByteBuffer buffer = ((ByteBuffer) value).duplicate();
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    return out;
  }

  static ByteBuffer of(byte[] bytes) {
    return ByteBuffer.wrap(bytes);
  }
}
