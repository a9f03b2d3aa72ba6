package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code left AND right} or {@code left OR right}. */
public record Logical(Operator operator, Expression left, Expression right, NodeLocation location)
    implements Expression {

  /** The boolean connectives. */
  public enum Operator {
    AND,
    OR
  }

  public Logical {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
  }
}
