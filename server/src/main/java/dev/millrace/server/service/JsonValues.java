package dev.millrace.server.service;

import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns engine values into the JSON-ready values the REST API sends, as ksqlDB renders them. */
final class JsonValues {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private JsonValues() {}

  static List<Object> row(Object[] values, List<Column> columns) {
    List<Object> row = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      row.add(value(i < values.length ? values[i] : null, columns.get(i).type()));
    }
    return row;
  }

  static Object value(Object value, SqlType type) {
    if (value == null) {
      return null;
    }
    return switch (type.base()) {
      case BYTES -> Base64.getEncoder().encodeToString(bytes((ByteBuffer) value));
      case DATE -> LocalDate.ofEpochDay(((Number) value).longValue()).toString();
      case TIME -> LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000_000L).toString();
      case TIMESTAMP -> TIMESTAMP.format(Instant.ofEpochMilli(((Number) value).longValue()));
      case ARRAY ->
          ((List<?>) value).stream().map(e -> value(e, ((SqlType.Array) type).element())).toList();
      case MAP -> map((Map<?, ?>) value, (SqlType.Map) type);
      case STRUCT -> struct((Struct) value, (SqlType.Struct) type);
      default -> value;
    };
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  private static Map<String, Object> map(Map<?, ?> map, SqlType.Map type) {
    Map<String, Object> json = new LinkedHashMap<>();
    map.forEach((k, v) -> json.put(String.valueOf(k), value(v, type.value())));
    return json;
  }

  private static Map<String, Object> struct(Struct struct, SqlType.Struct type) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (int i = 0; i < type.fields().size(); i++) {
      json.put(type.fields().get(i).name(), value(struct.get(i), type.fields().get(i).type()));
    }
    return json;
  }
}
