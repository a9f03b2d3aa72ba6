package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code left op right} for the comparison operators, including IS [NOT] DISTINCT FROM. */
public record Comparison(
    Operator operator, Expression left, Expression right, NodeLocation location)
    implements Expression {

  /** The comparison operators, with their canonical SQL text ({@code !=} is written {@code <>}). */
  public enum Operator {
    EQUAL("="),
    NOT_EQUAL("<>"),
    LESS_THAN("<"),
    LESS_THAN_OR_EQUAL("<="),
    GREATER_THAN(">"),
    GREATER_THAN_OR_EQUAL(">="),
    IS_DISTINCT_FROM("IS DISTINCT FROM"),
    IS_NOT_DISTINCT_FROM("IS NOT DISTINCT FROM");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  public Comparison {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
  }
}
