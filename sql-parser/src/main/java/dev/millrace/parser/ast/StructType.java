package dev.millrace.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code STRUCT<name type, ...>}; field names are normalised identifiers, in written order. */
public record StructType(List<Field> fields) implements DataType {

  /** One named field. */
  public record Field(String name, DataType type) {
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  public StructType {
    fields = List.copyOf(fields);
  }
}
