package dev.millrace.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The type of a column as ksqlDB describes it in {@code DESCRIBE} and {@code EXPLAIN}.
 *
 * @param type the base type: BOOLEAN, INTEGER, BIGINT, DOUBLE, DECIMAL, STRING, BYTES, DATE, TIME,
 *     TIMESTAMP, ARRAY, MAP or STRUCT
 * @param fields the fields of a STRUCT, otherwise null
 * @param memberSchema the element type of an ARRAY or the value type of a MAP, otherwise null
 * @param parameters type parameters, for example {@code precision} and {@code scale} of a DECIMAL;
 *     omitted from JSON when empty
 */
public record SchemaInfo(
    String type,
    List<FieldInfo> fields,
    SchemaInfo memberSchema,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> parameters) {

  public SchemaInfo {
    Objects.requireNonNull(type, "type");
    fields = fields == null ? null : List.copyOf(fields);
    parameters = Lists.copyOrEmpty(parameters);
  }

  /** A type without members or parameters, such as BIGINT or STRING. */
  public static SchemaInfo primitive(String type) {
    return new SchemaInfo(type, null, null, Map.of());
  }

  /** {@code ARRAY<element>}. */
  public static SchemaInfo array(SchemaInfo element) {
    return new SchemaInfo("ARRAY", null, element, Map.of());
  }

  /** {@code MAP<STRING, value>}. */
  public static SchemaInfo map(SchemaInfo value) {
    return new SchemaInfo("MAP", null, value, Map.of());
  }

  /** {@code STRUCT<...>} with the given fields in order. */
  public static SchemaInfo struct(List<FieldInfo> fields) {
    return new SchemaInfo("STRUCT", fields, null, Map.of());
  }

  /** {@code DECIMAL(precision, scale)}. */
  public static SchemaInfo decimal(int precision, int scale) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("precision", precision);
    parameters.put("scale", scale);
    return new SchemaInfo("DECIMAL", null, null, parameters);
  }
}
