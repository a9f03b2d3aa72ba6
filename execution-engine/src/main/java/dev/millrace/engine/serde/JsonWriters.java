package dev.millrace.engine.serde;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes values of each SQL type as JSON: DECIMAL as a number, BYTES as base64, DATE as days, TIME
 * and TIMESTAMP as milliseconds, MAP as an object keyed by the keys' text, STRUCT as an object with
 * the fields' names.
 */
final class JsonWriters {
  private JsonWriters() {}

  /** Writes one non-null or null value. */
  @FunctionalInterface
  interface JsonWriter {
    void write(JsonGenerator g, Object value) throws IOException;
  }

  static JsonWriter forType(SqlType type) {
    JsonWriter writer = nonNull(type);
    return (g, v) -> {
      if (v == null) {
        g.writeNull();
      } else {
        writer.write(g, v);
      }
    };
  }

  private static JsonWriter nonNull(SqlType type) {
    return switch (type.base()) {
      case BOOLEAN -> (g, v) -> g.writeBoolean((Boolean) v);
      case INTEGER, DATE -> (g, v) -> g.writeNumber((Integer) v);
      case BIGINT, TIME, TIMESTAMP -> (g, v) -> g.writeNumber((Long) v);
      case DOUBLE -> (g, v) -> g.writeNumber((Double) v);
      case DECIMAL -> (g, v) -> g.writeNumber(((BigDecimal) v).toPlainString());
      case STRING -> (g, v) -> g.writeString((String) v);
      case BYTES -> (g, v) -> g.writeString(base64((ByteBuffer) v));
      case ARRAY -> array(forType(((SqlType.Array) type).element()));
      case MAP -> map(forType(((SqlType.Map) type).value()));
      case STRUCT -> struct((SqlType.Struct) type);
    };
  }

  private static JsonWriter array(JsonWriter element) {
    return (g, v) -> {
      g.writeStartArray();
      for (Object e : (List<?>) v) {
        element.write(g, e);
      }
      g.writeEndArray();
    };
  }

  private static JsonWriter map(JsonWriter value) {
    return (g, v) -> {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        value.write(g, e.getValue());
      }
      g.writeEndObject();
    };
  }

  private static JsonWriter struct(SqlType.Struct type) {
    String[] names = type.fields().stream().map(SqlType.Field::name).toArray(String[]::new);
    JsonWriter[] writers =
        type.fields().stream().map(f -> forType(f.type())).toArray(JsonWriter[]::new);
    return (g, v) -> {
      Struct struct = (Struct) v;
      g.writeStartObject();
      for (int i = 0; i < names.length; i++) {
        g.writeFieldName(names[i]);
        writers[i].write(g, struct.get(i));
      }
      g.writeEndObject();
    };
  }

  static String base64(ByteBuffer bytes) {
    ByteBuffer copy = bytes.duplicate();
    byte[] raw = new byte[copy.remaining()];
    copy.get(raw);
    return Base64.getEncoder().encodeToString(raw);
  }
}
