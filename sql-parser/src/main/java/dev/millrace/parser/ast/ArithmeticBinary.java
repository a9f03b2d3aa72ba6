package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code left op right} for + - * / %. */
public record ArithmeticBinary(
    Operator operator, Expression left, Expression right, NodeLocation location)
    implements Expression {

  /** The arithmetic operators, with their SQL symbols. */
  public enum Operator {
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    DIVIDE("/"),
    MODULUS("%");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  public ArithmeticBinary {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
  }
}
