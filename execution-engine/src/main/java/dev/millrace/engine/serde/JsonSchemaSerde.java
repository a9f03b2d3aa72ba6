package dev.millrace.engine.serde;

import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.types.Column;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The JSON_SR format: JSON as the JSON format writes and reads it, after Confluent's wire-format
 * header. Writing registers the JSON schema of the columns under the topic's subject (or uses the
 * schema id a source names); reading checks the header and reads the JSON as the JSON format does.
 */
final class JsonSchemaSerde implements ValueSerde {
  private final JsonSerde json;
  private final List<Column> columns;
  private final boolean wrapped;
  private final RegistryBinding binding;
  private final boolean key;
  private final OptionalInt schemaId;
  private volatile byte[] header;

  JsonSchemaSerde(
      List<Column> columns,
      boolean wrapped,
      RegistryBinding binding,
      boolean key,
      OptionalInt schemaId) {
    this.json = new JsonSerde(columns, wrapped);
    this.columns = List.copyOf(columns);
    this.wrapped = wrapped;
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
    byte[] body = json.serialize(values);
    byte[] out = Arrays.copyOf(prefix, prefix.length + body.length);
    System.arraycopy(body, 0, out, prefix.length, body.length);
    return out;
  }

  @Override
  public Object[] deserialize(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    RegistryWire.schemaId(bytes, "JSON_SR");
    return json.deserialize(Arrays.copyOfRange(bytes, RegistryWire.HEADER, bytes.length));
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
                      RegisteredSchema.json(JsonSchemas.of(columns, wrapped)));
      h = RegistryWire.header(id);
      header = h;
    }
    return h;
  }
}
