package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code CAST(value AS type)}. */
public record Cast(Expression value, DataType type, NodeLocation location) implements Expression {

  public Cast {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(type, "type");
  }
}
