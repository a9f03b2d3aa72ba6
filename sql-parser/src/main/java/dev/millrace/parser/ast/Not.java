package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code NOT operand}. */
public record Not(Expression operand, NodeLocation location) implements Expression {

  public Not {
    Objects.requireNonNull(operand, "operand");
  }
}
