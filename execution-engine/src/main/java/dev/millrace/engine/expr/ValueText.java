package dev.millrace.engine.expr;

import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Values as text, the way ksqlDB's CAST(... AS STRING) prints them: DOUBLE as Java prints it,
 * DECIMAL without exponent, DATE/TIME/TIMESTAMP in ISO form (UTC), ARRAY as {@code [a, b]}, MAP as
 * {@code {k=v}}, STRUCT as {@code Struct{A=1,B=2}} (null fields left out).
 */
public final class ValueText {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private ValueText() {}

  /** The formatter for values of {@code type}. */
  public static Converter formatter(SqlType type) {
    return switch (type.base()) {
      case STRING -> v -> v;
      case DECIMAL -> v -> ((BigDecimal) v).toPlainString();
      case BYTES -> v -> Casts.base64((ByteBuffer) v);
      case DATE -> v -> formatDate((Integer) v);
      case TIME -> v -> formatTime((Long) v);
      case TIMESTAMP -> v -> formatTimestamp((Long) v);
      case ARRAY -> array(formatter(((SqlType.Array) type).element()));
      case MAP ->
          map(formatter(((SqlType.Map) type).key()), formatter(((SqlType.Map) type).value()));
      case STRUCT -> struct((SqlType.Struct) type);
      default -> String::valueOf;
    };
  }

  public static String formatDate(int days) {
    return LocalDate.ofEpochDay(days).toString();
  }

  public static String formatTime(long millisOfDay) {
    return LocalTime.ofNanoOfDay(millisOfDay * 1_000_000L).format(DateTimeFormatter.ISO_LOCAL_TIME);
  }

  public static String formatTimestamp(long epochMillis) {
    return TIMESTAMP.format(Instant.ofEpochMilli(epochMillis));
  }

  private static Converter array(Converter element) {
    return v -> {
      StringBuilder out = new StringBuilder("[");
      List<?> list = (List<?>) v;
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ", ").append(element.convertNullable(list.get(i)));
      }
      return out.append(']').toString();
    };
  }

  private static Converter map(Converter key, Converter value) {
    return v -> {
      StringBuilder out = new StringBuilder("{");
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.append(first ? "" : ", ")
            .append(key.convertNullable(e.getKey()))
            .append('=')
            .append(value.convertNullable(e.getValue()));
        first = false;
      }
      return out.append('}').toString();
    };
  }

  private static Converter struct(SqlType.Struct type) {
    Converter[] fields =
        type.fields().stream().map(f -> formatter(f.type())).toArray(Converter[]::new);
    return v -> {
      Struct struct = (Struct) v;
      StringBuilder out = new StringBuilder("Struct{");
      boolean first = true;
      for (int i = 0; i < fields.length; i++) {
        if (struct.get(i) != null) {
          out.append(first ? "" : ",")
              .append(type.fields().get(i).name())
              .append('=')
              .append(fields[i].convert(struct.get(i)));
          first = false;
        }
      }
      return out.append('}').toString();
    };
  }
}
