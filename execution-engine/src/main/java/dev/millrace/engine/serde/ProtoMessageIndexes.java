package dev.millrace.engine.serde;

import java.util.ArrayList;
import java.util.List;

/**
 * The message indexes of Confluent's Protobuf wire format, between the schema id and the message:
 * which message of the schema the record holds, as its position among the file's top-level
 * messages, then among each enclosing message's nested ones. Written as a count then each index,
 * all zig-zag varints; the first message, {@code [0]}, is the single byte 0 (a count of 0).
 *
 * @param path the indexes
 * @param end where the message starts in the record, after the indexes
 */
public record ProtoMessageIndexes(List<Integer> path, int end) {
  private static final List<Integer> FIRST = List.of(0);

  public ProtoMessageIndexes {
    path = List.copyOf(path);
  }

  /**
   * The indexes of a record in the wire format, after its header.
   *
   * @throws SerdeException when the record ends inside them
   */
  public static ProtoMessageIndexes read(byte[] record) {
    int[] at = {RegistryWire.HEADER};
    long count = zigZag(record, at);
    List<Integer> path = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      path.add((int) zigZag(record, at));
    }
    return new ProtoMessageIndexes(count == 0 ? FIRST : path, at[0]);
  }

  /** The bytes of the indexes {@code path}. */
  static byte[] write(List<Integer> path) {
    if (path.equals(FIRST)) {
      return new byte[] {0};
    }
    ProtoWriter out = new ProtoWriter();
    out.varint(2L * path.size());
    for (int index : path) {
      out.varint(2L * index);
    }
    return out.toByteArray();
  }

  private static long zigZag(byte[] bytes, int[] at) {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      if (at[0] >= bytes.length) {
        throw new SerdeException("Failed to deserialize PROTOBUF: truncated message indexes");
      }
      byte b = bytes[at[0]++];
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return (value >>> 1) ^ -(value & 1);
      }
    }
  }
}
