package dev.millrace.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code STRUCT(name1 := v1, ...)}; field names are normalised identifiers. */
public record StructConstructor(List<Field> fields, NodeLocation location) implements Expression {

  /** One {@code name := value} field. */
  public record Field(String name, Expression value) {
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  public StructConstructor {
    fields = List.copyOf(fields);
  }
}
