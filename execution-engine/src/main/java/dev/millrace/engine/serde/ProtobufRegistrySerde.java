package dev.millrace.engine.serde;

import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.types.Column;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The PROTOBUF format: the PROTOBUF_NOSR message after Confluent's wire-format header and the
 * message indexes that say which message of the schema was written (always the first here, so the
 * single byte 0). Writing registers the {@code .proto} of the columns under the topic's subject (or
 * uses the schema id a source names); reading skips the header and indexes and reads fields by
 * number in column order, as PROTOBUF_NOSR does.
 */
final class ProtobufRegistrySerde implements ValueSerde {
  private static final byte FIRST_MESSAGE = 0;

  private final ProtobufSerde message;
  private final RegisteredHeader header;

  ProtobufRegistrySerde(
      List<Column> columns,
      Map<String, String> options,
      RegistryBinding binding,
      boolean key,
      OptionalInt schemaId) {
    this.message = new ProtobufSerde(columns, options);
    List<Column> copied = List.copyOf(columns);
    this.header =
        new RegisteredHeader(
            binding,
            key,
            schemaId,
            () -> RegisteredSchema.protobuf(ProtobufSchemas.of(copied)),
            FIRST_MESSAGE);
  }

  @Override
  public byte[] serialize(Object[] values) {
    return values == null ? null : header.frame(message.serialize(values));
  }

  @Override
  public Object[] deserialize(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    header.check(bytes, "PROTOBUF");
    return message.deserialize(Arrays.copyOfRange(bytes, afterIndexes(bytes), bytes.length));
  }

  /** Where the message starts: after the header and the zig-zag varint count and indexes. */
  private static int afterIndexes(byte[] bytes) {
    int[] at = {RegistryWire.HEADER};
    long count = zigZag(bytes, at);
    for (long i = 0; i < count; i++) {
      zigZag(bytes, at);
    }
    return at[0];
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
