package dev.millrace.cli.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.millrace.cli.testing.TestRecord;
import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.engine.types.Column;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Converts between value specs and record bytes in one format, as ksqlDB's test runner does: JSON
 * and DELIMITED specs are written as they are (so malformed test input reaches the engine as it
 * would from a producer); KAFKA specs are typed by the column. Windowed keys carry the window's
 * bounds after the key, in Kafka Streams' layout.
 */
final class RecordBytes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FormatInfo format;
  private final List<Column> columns;
  private final Optional<WindowInfo> window;

  RecordBytes(FormatInfo format, List<Column> columns, Optional<WindowInfo> window) {
    this.format = format;
    this.columns = columns;
    this.window = window;
  }

  /** The spec as a format of its own when no source describes a topic: JSON, verbatim. */
  static RecordBytes schemaless() {
    return new RecordBytes(FormatInfo.of("JSON"), List.of(), Optional.empty());
  }

  byte[] encode(JsonNode spec, TestRecord.WindowSpec windowSpec) {
    if (spec == null || spec.isNull() || format.format().equals("NONE")) {
      return null;
    }
    byte[] plain = switch (format.format()) {
      case "KAFKA" -> SerdeFactory.valueSerde(format, columns).serialize(new Object[] {SpecValues.toEngine(spec, columns.get(0).type())});
      case "DELIMITED" -> (spec.isTextual() ? spec.asText() : spec.toString()).getBytes(StandardCharsets.UTF_8);
      default -> write(spec);
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
    JsonNode spec = switch (format.format()) {
      case "NONE" -> JsonNodeFactory.instance.nullNode();
      case "KAFKA" -> SpecValues.toSpec(
          SerdeFactory.valueSerde(format, columns).deserialize(plain)[0], columns.get(0).type());
      case "DELIMITED" -> JsonNodeFactory.instance.textNode(new String(plain, StandardCharsets.UTF_8));
      default -> read(plain);
    };
    return new Decoded(spec, windowSpec);
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
