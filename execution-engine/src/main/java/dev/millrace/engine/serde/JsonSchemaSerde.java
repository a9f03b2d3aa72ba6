package dev.millrace.engine.serde;

import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.types.Column;
import java.util.ArrayList;
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
  private final List<Column> columns;
  private final boolean wrapped;
  private final RegistryBinding binding;
  private final OptionalInt schemaId;
  private volatile Writer writer;

  JsonSchemaSerde(
      List<Column> columns,
      boolean wrapped,
      RegistryBinding binding,
      boolean key,
      OptionalInt schemaId) {
    this.json = new JsonSerde(columns, wrapped);
    this.columns = List.copyOf(columns);
    this.wrapped = wrapped || columns.size() != 1;
    this.binding = binding;
    this.schemaId = schemaId;
    this.header =
        new RegisteredHeader(
            binding,
            key,
            schemaId,
            () -> RegisteredSchema.json(JsonSchemas.of(this.columns, wrapped)));
  }

  @Override
  public byte[] serialize(Object[] values) {
    return values == null ? null : header.frame(writer().write(values));
  }

  @Override
  public Object[] deserialize(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    header.check(bytes, "JSON_SR");
    return json.deserialize(Arrays.copyOfRange(bytes, RegistryWire.HEADER, bytes.length));
  }

  private Writer writer() {
    Writer w = writer;
    if (w == null) {
      List<Column> unfilled = unfilledProperties();
      w =
          unfilled.isEmpty()
              ? new Writer(json, 0)
              : new Writer(new JsonSerde(concat(columns, unfilled), true), unfilled.size());
      writer = w;
    }
    return w;
  }

  /**
   * The properties of the object schema a source names by id that no column fills (matched by name,
   * ignoring case): written as null, as Kafka Connect's converter writes the optional fields it has
   * no value for.
   */
  private List<Column> unfilledProperties() {
    if (schemaId.isEmpty() || !wrapped) {
      return List.of();
    }
    return binding
        .registry()
        .byId(schemaId.getAsInt())
        .map(schema -> JsonSchemas.columns(schema.text()))
        .orElse(List.of())
        .stream()
        .filter(p -> columns.stream().noneMatch(c -> c.name().equalsIgnoreCase(p.name())))
        .toList();
  }

  private static List<Column> concat(List<Column> first, List<Column> second) {
    List<Column> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  /** Writes the columns' values, followed by {@code padding} nulls for unfilled properties. */
  private record Writer(JsonSerde serde, int padding) {
    byte[] write(Object[] values) {
      return serde.serialize(
          padding == 0 ? values : Arrays.copyOf(values, values.length + padding));
    }
  }
}
