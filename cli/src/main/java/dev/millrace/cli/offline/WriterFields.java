package dev.millrace.cli.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.serde.RegisteredTypes;
import dev.millrace.engine.serde.RegistryBinding;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The fields a JSON_SR or PROTOBUF record value holds beyond the columns it was read with, as
 * ksqlDB's test runner shows them: it reads a record with its writer's schema, so a query writing
 * with a registered schema (VALUE_SCHEMA_ID) shows the schema's fields after its columns too (a
 * JSON_SR {@code null}, a protobuf field's default).
 */
final class WriterFields {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int HEADER = 5;

  private WriterFields() {}

  /** Adds to {@code read} (the columns' values) the fields of the record it lacks. */
  static JsonNode addTo(
      JsonNode read, byte[] record, String format, List<Column> columns, RegistryBinding registry) {
    if (!(read instanceof ObjectNode object) || record.length < HEADER) {
      return read;
    }
    switch (format) {
      case "JSON_SR" -> addJson(object, record);
      case "PROTOBUF" -> addProtobuf(object, record, columns, registry);
      default -> {}
    }
    return object;
  }

  private static void addJson(ObjectNode object, byte[] record) {
    JsonNode written;
    try {
      written = JSON.readTree(Arrays.copyOfRange(record, HEADER, record.length));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = written.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!has(object, field.getKey())) {
        object.set(field.getKey(), field.getValue());
      }
    }
  }

  private static void addProtobuf(
      ObjectNode object, byte[] record, List<Column> columns, RegistryBinding registry) {
    int id = ByteBuffer.wrap(record, 1, 4).getInt();
    SqlType type =
        registry
            .registry()
            .byId(id)
            .map(schema -> RegisteredTypes.of(schema, registry.registry()))
            .orElse(SqlType.STRING);
    if (!(type instanceof SqlType.Struct struct) || struct.fields().size() <= columns.size()) {
      return;
    }
    List<Column> fields =
        struct.fields().stream().map(f -> new Column(f.name(), f.type())).toList();
    Object[] values =
        SerdeFactory.valueSerde(new FormatInfo("PROTOBUF", Map.of(), true), fields, registry)
            .deserialize(record);
    for (int i = 0; i < fields.size(); i++) {
      if (!has(object, fields.get(i).name())) {
        object.set(fields.get(i).name(), SpecValues.toSpec(values[i], fields.get(i).type()));
      }
    }
  }

  private static boolean has(ObjectNode object, String name) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      if (names.next().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
