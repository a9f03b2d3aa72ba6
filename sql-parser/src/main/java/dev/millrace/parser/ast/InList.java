package dev.millrace.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code value [NOT] IN (v1, v2, ...)}. */
public record InList(
    Expression value, List<Expression> values, boolean negated, NodeLocation location)
    implements Expression {

  public InList {
    Objects.requireNonNull(value, "value");
    values = List.copyOf(values);
  }
}
