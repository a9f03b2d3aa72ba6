package dev.millrace.engine.serde;

import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.types.Column;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The PROTOBUF format: the PROTOBUF_NOSR message after Confluent's wire-format header and the
 * message indexes that say which message of the schema was written. Writing registers the {@code
 * .proto} of the columns under the topic's subject and writes its first message (the single byte
 * 0), or uses the schema id a source names and writes its message the schema full name names (by
 * default its first); reading skips the header and indexes and reads fields by number in column
 * order, as PROTOBUF_NOSR does.
 */
final class ProtobufRegistrySerde implements ValueSerde {
  private static final byte[] FIRST_MESSAGE = {0};

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
    Optional<String> fullName = Optional.ofNullable(options.get(SerdeFactory.FULL_SCHEMA_NAME));
    this.header =
        new RegisteredHeader(
            binding,
            key,
            schemaId,
            () -> RegisteredSchema.protobuf(ProtobufSchemas.of(copied)),
            id ->
                schemaId.isPresent()
                    ? ProtoMessageIndexes.write(
                        ProtobufSchemas.messageIndexes(registered(binding, id).text(), fullName))
                    : FIRST_MESSAGE);
  }

  private static RegisteredSchema registered(RegistryBinding binding, int id) {
    return binding
        .registry()
        .byId(id)
        .orElseThrow(
            () ->
                new SerdeException(
                    "Failed to serialize PROTOBUF: schema id " + id + " is not in the registry"));
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
    return message.deserialize(
        Arrays.copyOfRange(bytes, ProtoMessageIndexes.read(bytes).end(), bytes.length));
  }
}
