package dev.millrace.engine.serde;

import dev.millrace.engine.types.Column;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The PROTOBUF_NOSR format: a protobuf message without a schema registry, its fields the columns
 * numbered from 1 (see {@link ProtoValues} for the type mapping). Option {@code
 * nullable_representation} (OPTIONAL or WRAPPER) keeps null primitives; by default they read back
 * as proto3 defaults, as in ksqlDB.
 */
final class ProtobufSerde implements ValueSerde {
  private final ProtoMessage message;

  ProtobufSerde(List<Column> columns, Map<String, String> options) {
    this.message = new ProtoMessage(columns.stream().map(Column::type).toList(), nulls(options));
  }

  private static ProtoMessage.Nulls nulls(Map<String, String> options) {
    String value =
        options.entrySet().stream()
            .filter(
                e ->
                    e.getKey()
                        .toLowerCase(Locale.ROOT)
                        .replace("_", "")
                        .endsWith("nullablerepresentation"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse("");
    return switch (value.toUpperCase(Locale.ROOT)) {
      case "OPTIONAL" -> ProtoMessage.Nulls.OPTIONAL;
      case "WRAPPER" -> ProtoMessage.Nulls.WRAPPER;
      case "" -> ProtoMessage.Nulls.DEFAULTS;
      default ->
          throw new SerdeException(
              "Unknown PROTOBUF nullable representation: " + value + " (use OPTIONAL or WRAPPER)");
    };
  }

  @Override
  public byte[] serialize(Object[] values) {
    if (values == null) {
      return null;
    }
    try {
      return message.write(values);
    } catch (ClassCastException e) {
      throw new SerdeException("Failed to serialize PROTOBUF: " + e.getMessage(), e);
    }
  }

  @Override
  public Object[] deserialize(byte[] bytes) {
    return bytes == null ? null : message.read(new ProtoReader(bytes));
  }
}
