package dev.millrace.engine.serde;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads protobuf wire format from a byte range; malformed input throws {@link SerdeException}. */
final class ProtoReader {
  private final byte[] bytes;
  private int position;
  private final int end;

  ProtoReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  private ProtoReader(byte[] bytes, int from, int to) {
    this.bytes = bytes;
    this.position = from;
    this.end = to;
  }

  boolean atEnd() {
    return position >= end;
  }

  /** The next tag: field number in the high bits, wire type in the low three. */
  int tag() {
    return (int) varint();
  }

  long varint() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = next();
      if (shift == 63 && (b & 0x7E) != 0) {
        break; // the tenth byte carries only bit 64: more would not fit 64 bits
      }
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new SerdeException("Failed to deserialize PROTOBUF: malformed varint");
  }

  long fixed64() {
    long result = 0;
    for (int i = 0; i < 8; i++) {
      result |= (long) (next() & 0xFF) << (8 * i);
    }
    return result;
  }

  int fixed32() {
    int result = 0;
    for (int i = 0; i < 4; i++) {
      result |= (next() & 0xFF) << (8 * i);
    }
    return result;
  }

  byte[] bytes() {
    int length = length();
    byte[] out = Arrays.copyOfRange(bytes, position, position + length);
    position += length;
    return out;
  }

  String string() {
    int length = length();
    String out = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return out;
  }

  /** A reader over the next length-delimited value (an embedded message or packed values). */
  ProtoReader embedded() {
    int length = length();
    ProtoReader inner = new ProtoReader(bytes, position, position + length);
    position += length;
    return inner;
  }

  /** Skips the value of a field with this wire type. */
  void skip(int wireType) {
    switch (wireType) {
      case 0 -> varint();
      case 1 -> position += 8;
      case 2 -> position += length();
      case 5 -> position += 4;
      default ->
          throw new SerdeException(
              "Failed to deserialize PROTOBUF: unsupported wire type " + wireType);
    }
    if (position > end) {
      throw new SerdeException("Failed to deserialize PROTOBUF: truncated message");
    }
  }

  private int length() {
    long length = varint();
    if (length < 0 || position + length > end) {
      throw new SerdeException("Failed to deserialize PROTOBUF: truncated message");
    }
    return (int) length;
  }

  private byte next() {
    if (position >= end) {
      throw new SerdeException("Failed to deserialize PROTOBUF: truncated message");
    }
    return bytes[position++];
  }
}
