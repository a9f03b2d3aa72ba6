package dev.millrace.engine.function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.millrace.engine.expr.ValueText;
import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * TO_JSON_STRING: a value of any type as compact JSON text, with DATE, TIME and TIMESTAMP as ISO
 * strings and BYTES as base64 (unlike the JSON format, which writes temporal values as numbers).
 */
final class ToJsonString {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ToJsonString() {}

  private interface Writer {
    void write(JsonGenerator g, Object value) throws IOException;
  }

  static ScalarImplementation forType(SqlType type) {
    Writer writer = writer(type);
    return a -> {
      StringWriter out = new StringWriter();
      try (JsonGenerator g = FACTORY.createGenerator(out)) {
        writer.write(g, a[0]);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toString();
    };
  }

  private static Writer writer(SqlType type) {
    Writer nonNull =
        switch (type.base()) {
          case BOOLEAN -> (g, v) -> g.writeBoolean((Boolean) v);
          case INTEGER -> (g, v) -> g.writeNumber((Integer) v);
          case BIGINT -> (g, v) -> g.writeNumber((Long) v);
          case DOUBLE -> (g, v) -> g.writeNumber((Double) v);
          case DECIMAL -> (g, v) -> g.writeNumber(((BigDecimal) v).toPlainString());
          case STRING -> (g, v) -> g.writeString((String) v);
          case BYTES ->
              (g, v) -> g.writeString(Base64.getEncoder().encodeToString(Bytes.toArray(v)));
          case DATE -> (g, v) -> g.writeString(ValueText.formatDate((Integer) v));
          case TIME -> (g, v) -> g.writeString(ValueText.formatTime((Long) v));
          case TIMESTAMP -> (g, v) -> g.writeString(ValueText.formatTimestamp((Long) v));
          case ARRAY -> array(writer(((SqlType.Array) type).element()));
          case MAP -> map(writer(((SqlType.Map) type).value()));
          case STRUCT -> struct((SqlType.Struct) type);
        };
    return (g, v) -> {
      if (v == null) {
        g.writeNull();
      } else {
        nonNull.write(g, v);
      }
    };
  }

  private static Writer array(Writer element) {
    return (g, v) -> {
      g.writeStartArray();
      for (Object e : (List<?>) v) {
        element.write(g, e);
      }
      g.writeEndArray();
    };
  }

  private static Writer map(Writer value) {
    return (g, v) -> {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        value.write(g, e.getValue());
      }
      g.writeEndObject();
    };
  }

  private static Writer struct(SqlType.Struct type) {
    Writer[] fields = type.fields().stream().map(f -> writer(f.type())).toArray(Writer[]::new);
    return (g, v) -> {
      g.writeStartObject();
      for (int i = 0; i < fields.length; i++) {
        g.writeFieldName(type.fields().get(i).name());
        fields[i].write(g, ((Struct) v).get(i));
      }
      g.writeEndObject();
    };
  }
}
