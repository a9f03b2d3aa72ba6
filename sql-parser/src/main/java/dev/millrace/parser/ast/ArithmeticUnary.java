package dev.millrace.parser.ast;

import java.util.Objects;

/**
 * {@code -operand} or {@code +operand}. A minus directly before a numeric literal is folded into
 * the literal by the parser, so {@code -5} is an {@link IntegerLiteral} of -5.
 */
public record ArithmeticUnary(Sign sign, Expression operand, NodeLocation location)
    implements Expression {

  /** The sign applied. */
  public enum Sign {
    PLUS,
    MINUS
  }

  public ArithmeticUnary {
    Objects.requireNonNull(sign, "sign");
    Objects.requireNonNull(operand, "operand");
  }
}
