package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code value [NOT] BETWEEN min AND max} (inclusive). */
public record Between(
    Expression value, Expression min, Expression max, boolean negated, NodeLocation location)
    implements Expression {

  public Between {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
  }
}
