package dev.millrace.engine.serde;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes protobuf wire format: tags, varints, fixed 64-bit values and length-delimited bytes. */
final class ProtoWriter {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

  void tag(int field, int wireType) {
    varint(((long) field << 3) | wireType);
  }

  /** An unsigned varint; negative int32/int64 values take ten bytes, as protobuf encodes them. */
  void varint(long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  void fixed64(long value) {
    for (int i = 0; i < 8; i++) {
      out.write((int) (value >>> (8 * i)));
    }
  }

  void bytes(byte[] value) {
    varint(value.length);
    out.write(value, 0, value.length);
  }

  void string(String value) {
    bytes(value.getBytes(StandardCharsets.UTF_8));
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
