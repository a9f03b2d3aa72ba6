package dev.millrace.parser.ast;

import java.util.Objects;

/** String (or bytes) concatenation: {@code left || right}. */
public record Concat(Expression left, Expression right, NodeLocation location)
    implements Expression {

  public Concat {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
  }
}
