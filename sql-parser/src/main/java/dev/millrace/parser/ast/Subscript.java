package dev.millrace.parser.ast;

import java.util.Objects;

/**
 * An array element or map value: {@code base[index]} (arrays are 1-based, negative from the end).
 */
public record Subscript(Expression base, Expression index, NodeLocation location)
    implements Expression {

  public Subscript {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(index, "index");
  }
}
