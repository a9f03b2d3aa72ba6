package dev.millrace.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A column of a source or query result, or a field of a STRUCT.
 *
 * @param type {@code KEY} for key columns, {@code SYSTEM} for ROWTIME and window bounds, {@code
 *     HEADER} for columns read from the record headers, null (omitted from JSON) for value columns
 *     and struct fields
 * @param headerKey the header key of a {@code HEADER('key')} column (omitted otherwise)
 */
public record FieldInfo(
    String name,
    SchemaInfo schema,
    @JsonInclude(JsonInclude.Include.NON_NULL) String type,
    @JsonInclude(JsonInclude.Include.NON_NULL) String headerKey) {

  public FieldInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schema, "schema");
  }

  public FieldInfo(String name, SchemaInfo schema, String type) {
    this(name, schema, type, null);
  }

  /** A header column: all headers ({@code key} null), or the last of one key. */
  public static FieldInfo header(String name, SchemaInfo schema, String key) {
    return new FieldInfo(name, schema, "HEADER", key);
  }

  /** A value column or struct field. */
  public static FieldInfo value(String name, SchemaInfo schema) {
    return new FieldInfo(name, schema, null);
  }

  /** A key column. */
  public static FieldInfo key(String name, SchemaInfo schema) {
    return new FieldInfo(name, schema, "KEY");
  }
}
