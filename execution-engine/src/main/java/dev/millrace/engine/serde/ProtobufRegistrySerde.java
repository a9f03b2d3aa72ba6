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
  private final List<Column> columns;
  private final RegistryBinding binding;
  private final boolean key;
  private final OptionalInt schemaId;
  private volatile byte[] header;

  ProtobufRegistrySerde(
      List<Column> columns,
      Map<String, String> options,
      RegistryBinding binding,
      boolean key,
      OptionalInt schemaId) {
    this.message = new ProtobufSerde(columns, options);
    this.columns = List.copyOf(columns);
    this.binding = binding;
    this.key = key;
    this.schemaId = schemaId;
    binding.registry().checkAvailable();
  }

  @Override
  public byte[] serialize(Object[] values) {
    if (values == null) {
      return null;
    }
    byte[] prefix = header();
    byte[] body = message.serialize(values);
    byte[] out = Arrays.copyOf(prefix, prefix.length + body.length);
    System.arraycopy(body, 0, out, prefix.length, body.length);
    return out;
  }

  @Override
  public Object[] deserialize(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    RegistryWire.schemaId(bytes, "PROTOBUF");
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

  private byte[] header() {
    byte[] h = header;
    if (h == null) {
      int id =
          schemaId.isPresent()
              ? schemaId.getAsInt()
              : binding
                  .registry()
                  .register(
                      binding.subject(key),
                      new RegisteredSchema("PROTOBUF", ProtobufSchemas.of(columns)));
      byte[] wire = RegistryWire.header(id);
      h = Arrays.copyOf(wire, wire.length + 1);
      h[wire.length] = FIRST_MESSAGE;
      header = h;
    }
    return h;
  }
}
