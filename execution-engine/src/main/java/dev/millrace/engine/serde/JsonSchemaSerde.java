package dev.millrace.engine.serde;

import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.types.Column;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The JSON_SR format: JSON as the JSON format writes and reads it, after Confluent's wire-format
 * header. Writing registers the JSON schema of the columns under the topic's subject (or uses the
 * schema id a source names); reading checks the header (see {@link RegisteredHeader}) and reads the
 * JSON as the JSON format does.
 */
final class JsonSchemaSerde implements ValueSerde {
  private final JsonSerde json;
  private final RegisteredHeader header;

  JsonSchemaSerde(
      List<Column> columns,
      boolean wrapped,
      RegistryBinding binding,
      boolean key,
      OptionalInt schemaId) {
    this.json = new JsonSerde(columns, wrapped);
    List<Column> copied = List.copyOf(columns);
    this.header =
        new RegisteredHeader(
            binding, key, schemaId, () -> RegisteredSchema.json(JsonSchemas.of(copied, wrapped)));
  }

  @Override
  public byte[] serialize(Object[] values) {
    return values == null ? null : header.frame(json.serialize(values));
  }

  @Override
  public Object[] deserialize(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    header.check(bytes, "JSON_SR");
    return json.deserialize(Arrays.copyOfRange(bytes, RegistryWire.HEADER, bytes.length));
  }
}
