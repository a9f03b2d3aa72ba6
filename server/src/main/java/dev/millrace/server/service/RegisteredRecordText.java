package dev.millrace.server.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.serde.ProtoMessageIndexes;
import dev.millrace.engine.serde.ProtobufSchemas;
import dev.millrace.engine.serde.RegisteredTypes;
import dev.millrace.engine.serde.RegistryBinding;
import dev.millrace.engine.serde.SerdeException;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.engine.serde.ValueSerde;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a record in one schema registry format (AVRO, PROTOBUF or JSON_SR) as PRINT shows it: the
 * magic byte and schema id, the schema fetched from the registry by that id (with the schemas it
 * imports), and the payload decoded by the format's own serde with the columns the schema (for
 * PROTOBUF, the message the record's message indexes name) describes, rendered as JSON (a bare
 * string as its text). Null when the record is not in the format: no magic byte, an id the registry
 * does not know or whose schema is of another type, no registry configured, or a payload the serde
 * cannot read.
 */
final class RegisteredRecordText {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int HEADER = 5;

  private final String format;
  private final String schemaType;
  private final SchemaRegistry registry;
  private final Map<Written, Optional<Reader>> readers = new ConcurrentHashMap<>();

  /** {@code schemaType} is the registry's name for the format's schemas (JSON for JSON_SR). */
  RegisteredRecordText(String format, String schemaType, SchemaRegistry registry) {
    this.format = format;
    this.schemaType = schemaType;
    this.registry = registry;
  }

  static List<RegisteredRecordText> all(SchemaRegistry registry) {
    return List.of(
        new RegisteredRecordText("AVRO", "AVRO", registry),
        new RegisteredRecordText("PROTOBUF", "PROTOBUF", registry),
        new RegisteredRecordText("JSON_SR", "JSON", registry));
  }

  String format() {
    return format;
  }

  String read(byte[] bytes) {
    if (bytes.length < HEADER || bytes[0] != 0) {
      return null;
    }
    Optional<Reader> reader;
    try {
      reader = readers.computeIfAbsent(written(bytes), this::reader);
    } catch (SerdeException noIndexes) {
      return null;
    }
    if (reader.isEmpty()) {
      return null;
    }
    try {
      Object[] values = reader.get().serde().deserialize(bytes);
      return values == null ? null : text(reader.get().render(values));
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  /**
   * What a record was written with: its schema id and, for PROTOBUF, the message indexes that say
   * which message of the schema it holds.
   */
  private Written written(byte[] bytes) {
    int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
    return new Written(
        id, format.equals("PROTOBUF") ? ProtoMessageIndexes.read(bytes).path() : List.of());
  }

  /** The reader for a schema id, empty when the id is not a schema of this format. */
  private Optional<Reader> reader(Written written) {
    try {
      Optional<RegisteredSchema> schema =
          registry.byId(written.id()).filter(s -> s.type().equals(schemaType));
      if (schema.isEmpty()) {
        return Optional.empty();
      }
      Optional<String> message =
          written.indexes().isEmpty()
              ? Optional.empty()
              : Optional.of(ProtobufSchemas.messageAt(schema.get().text(), written.indexes()));
      SqlType type = RegisteredTypes.of(schema.get(), message, registry);
      RegistryBinding binding = new RegistryBinding(registry, "");
      // A protobuf record is always a message: its fields are the columns. The other formats
      // read any schema, a record or a bare value, as one value of the schema's type.
      if (format.equals("PROTOBUF") && type instanceof SqlType.Struct struct) {
        List<Column> columns =
            struct.fields().stream().map(f -> new Column(f.name(), f.type())).toList();
        return Optional.of(
            new Reader(
                SerdeFactory.valueSerde(new FormatInfo(format, Map.of(), true), columns, binding),
                columns,
                true));
      }
      List<Column> single = List.of(new Column("ROWVAL", type));
      return Optional.of(
          new Reader(
              SerdeFactory.valueSerde(new FormatInfo(format, Map.of(), false), single, binding),
              single,
              false));
    } catch (RuntimeException noRegistryOrSchema) {
      return Optional.empty();
    }
  }

  private static String text(Object value) {
    if (value instanceof String string) {
      return string;
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** A schema id, and the message indexes of a PROTOBUF record (else none). */
  private record Written(int id, List<Integer> indexes) {}

  /** A serde for one schema id and how to turn what it reads into one JSON-ready value. */
  private record Reader(ValueSerde serde, List<Column> columns, boolean fields) {
    Object render(Object[] values) {
      List<Object> row = JsonValues.row(values, columns);
      if (!fields) {
        return row.get(0);
      }
      Map<String, Object> object = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        object.put(columns.get(i).name(), row.get(i));
      }
      return object;
    }
  }
}
