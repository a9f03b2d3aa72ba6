package dev.millrace.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A column of a source or query result, or a field of a STRUCT.
 *
 * @param type {@code KEY} for key columns, {@code SYSTEM} for ROWTIME and window bounds, null
 *     (omitted from JSON) for value columns and struct fields
 */
public record FieldInfo(
    String name, SchemaInfo schema, @JsonInclude(JsonInclude.Include.NON_NULL) String type) {

  public FieldInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schema, "schema");
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
