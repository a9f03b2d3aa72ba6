package dev.millrace.cli.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millrace.cli.testing.TestRecord;
import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.serde.KeySerde;
import dev.millrace.engine.serde.RegisteredTypes;
import dev.millrace.engine.serde.RegistryBinding;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.engine.serde.SerdeFormat;
import dev.millrace.engine.serde.ValueSerde;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts between value specs and record bytes in one format, as ksqlDB's test runner does: JSON
 * and DELIMITED specs are written as they are (so malformed test input reaches the engine as it
 * would from a producer); KAFKA specs are typed by the column; registry formats and PROTOBUF_NOSR
 * go through the engine's serde for the columns, except that AVRO input is written with the
 * subject's registered schema when the case registered one (as a producer with that schema would).
 * Values are read back as ksqlDB's runner reads them, with their writer's schema: an AVRO value as
 * one value of that schema, a JSON_SR or PROTOBUF value with its fields beyond the columns added
 * (see {@link WriterFields}). Windowed keys carry the window's bounds after the key, in Kafka
 * Streams' layout.
 */
final class RecordBytes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FormatInfo format;
  private final List<Column> columns;
  private final Optional<WindowInfo> window;
  private final RegistryBinding registry;
  private final boolean key;

  RecordBytes(
      FormatInfo format,
      List<Column> columns,
      Optional<WindowInfo> window,
      RegistryBinding registry,
      boolean key) {
    this.format = format;
    this.columns = columns;
    this.window = window;
    this.registry = registry;
    this.key = key;
  }

  /** The spec as a format of its own when no source describes a topic: JSON, verbatim. */
  static RecordBytes schemaless() {
    return new RecordBytes(
        FormatInfo.of("JSON"), List.of(), Optional.empty(), RegistryBinding.NONE, false);
  }

  byte[] encode(JsonNode spec, TestRecord.WindowSpec windowSpec) {
    if (spec == null || spec.isNull() || format.format().equals("NONE")) {
      return null;
    }
    if (columns.isEmpty() && format.format().equals("KAFKA")) {
      // A key for a source without key columns: the engine ignores it, so write it as it reads.
      return text(spec);
    }
    byte[] plain =
        switch (format.format()) {
          case "KAFKA" ->
              SerdeFactory.valueSerde(format, columns)
                  .serialize(new Object[] {SpecValues.toEngine(spec, columns.get(0).type())});
          case "DELIMITED" -> text(spec);
          case "JSON" -> write(spec);
          case "AVRO" ->
              registeredAvro()
                  .map(v -> withRegistered(v, spec))
                  .orElseGet(() -> throughColumns(spec));
          default -> throughColumns(spec);
        };
    return windowSpec == null ? plain : withWindow(plain, windowSpec);
  }

  /** Decodes the bytes into a spec, and the window for windowed keys (else null). */
  Decoded decode(byte[] bytes) {
    if (bytes == null) {
      return new Decoded(null, null);
    }
    TestRecord.WindowSpec windowSpec = null;
    byte[] plain = bytes;
    if (window.isPresent()) {
      boolean session = window.get().type() == WindowInfo.Type.SESSION;
      int suffix = session ? 16 : 8;
      ByteBuffer tail = ByteBuffer.wrap(bytes, bytes.length - suffix, suffix);
      long first = tail.getLong();
      long start = session ? tail.getLong() : first;
      long end = session ? first : start + window.get().sizeMs();
      windowSpec = new TestRecord.WindowSpec(start, end, session ? "session" : "time");
      plain = java.util.Arrays.copyOf(bytes, bytes.length - suffix);
    }
    JsonNode spec =
        switch (format.format()) {
          case "NONE" -> JsonNodeFactory.instance.nullNode();
          case "KAFKA" ->
              SpecValues.toSpec(
                  SerdeFactory.valueSerde(format, columns).deserialize(plain)[0],
                  columns.get(0).type());
          case "DELIMITED" ->
              JsonNodeFactory.instance.textNode(new String(plain, StandardCharsets.UTF_8));
          case "JSON" -> read(plain);
          case "AVRO" -> byWriterSchema(plain);
          default ->
              key
                  ? fromColumns(keySerde().deserialize(plain).columns())
                  : WriterFields.addTo(
                      fromColumns(valueSerde().deserialize(plain)),
                      plain,
                      format.format(),
                      columns,
                      registry);
        };
    return new Decoded(spec, windowSpec);
  }

  private Optional<SchemaRegistry.SubjectVersion> registeredAvro() {
    return registry
        .registry()
        .latest(SchemaRegistry.subject(registry.topic(), key))
        .filter(v -> v.schema().type().equals("AVRO"));
  }

  /** Writes the spec as one bare value of the registered schema's type, with that schema. */
  private byte[] withRegistered(SchemaRegistry.SubjectVersion registered, JsonNode spec) {
    SqlType type = RegisteredTypes.of(registered.schema(), registry.registry());
    FormatInfo bare =
        new FormatInfo(
            "AVRO", Map.of(SerdeFactory.SCHEMA_ID, String.valueOf(registered.id())), false);
    return SerdeFactory.valueSerde(bare, List.of(new Column("ROWVAL", type)), registry)
        .serialize(new Object[] {SpecValues.toEngine(spec, type)});
  }

  /**
   * Reads the record as one bare value of its writer schema's type, so every field it wrote shows.
   */
  private JsonNode byWriterSchema(byte[] bytes) {
    int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
    RegisteredSchema writer =
        registry
            .registry()
            .byId(id)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "schema id "
                            + id
                            + " of a record on "
                            + registry.topic()
                            + " is not registered"));
    SqlType type = RegisteredTypes.of(writer, registry.registry());
    FormatInfo bare = new FormatInfo("AVRO", Map.of(), false);
    Object value =
        SerdeFactory.valueSerde(bare, List.of(new Column("ROWVAL", type)), registry)
            .deserialize(bytes)[0];
    return SpecValues.toSpec(value, type);
  }

  private static byte[] text(JsonNode spec) {
    return (spec.isTextual() ? spec.asText() : spec.toString()).getBytes(StandardCharsets.UTF_8);
  }

  private byte[] throughColumns(JsonNode spec) {
    Object[] values = new Object[columns.size()];
    if (bare()) {
      values[0] = SpecValues.toEngine(spec, columns.get(0).type());
    } else {
      for (int i = 0; i < values.length; i++) {
        values[i] =
            SpecValues.toEngine(
                SpecValues.field(spec, columns.get(i).name()), columns.get(i).type());
      }
    }
    return key
        ? SerdeFactory.keyColumnsSerde(format, columns, registry).serialize(values)
        : valueSerde().serialize(values);
  }

  private JsonNode fromColumns(Object[] values) {
    if (values == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    if (bare()) {
      return SpecValues.toSpec(values[0], columns.get(0).type());
    }
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < values.length; i++) {
      object.set(columns.get(i).name(), SpecValues.toSpec(values[i], columns.get(i).type()));
    }
    return object;
  }

  /** Whether the spec is the single column's bare value rather than an object of columns. */
  private boolean bare() {
    return columns.size() == 1
        && (key ? !SerdeFormat.named(format.format()).wrapsSingleKey() : !format.wrapped());
  }

  private KeySerde keySerde() {
    return SerdeFactory.keySerde(format, columns, Optional.empty(), registry);
  }

  private ValueSerde valueSerde() {
    return SerdeFactory.valueSerde(format, columns, registry);
  }

  /** A decoded key or value and, for windowed keys, the window. */
  record Decoded(JsonNode spec, TestRecord.WindowSpec window) {}

  private static byte[] withWindow(byte[] key, TestRecord.WindowSpec window) {
    boolean session = "session".equalsIgnoreCase(window.type());
    ByteBuffer out = ByteBuffer.allocate(key.length + (session ? 16 : 8)).put(key);
    if (session) {
      out.putLong(window.end());
    }
    out.putLong(window.start());
    return out.array();
  }

  private static byte[] write(JsonNode spec) {
    try {
      return JSON.writeValueAsBytes(spec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException notJson) {
      return JsonNodeFactory.instance.textNode(new String(bytes, StandardCharsets.UTF_8));
    }
  }
}
