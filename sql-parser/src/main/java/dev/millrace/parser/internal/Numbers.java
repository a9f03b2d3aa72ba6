package dev.millrace.parser.internal;

import dev.millrace.parser.ast.DecimalLiteral;
import dev.millrace.parser.ast.DoubleLiteral;
import dev.millrace.parser.ast.IntegerLiteral;
import dev.millrace.parser.ast.Literal;
import dev.millrace.parser.ast.LongLiteral;
import dev.millrace.parser.ast.NodeLocation;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.antlr.v4.runtime.Token;

/**
 * Numeric literal rules: INT if it fits, else BIGINT; {@code 1.5} is DECIMAL; {@code 1e3} DOUBLE.
 */
final class Numbers {

  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private Numbers() {}

  /** A whole number, negated when {@code negative}; too large even for BIGINT is an error. */
  static Literal integer(Token token, boolean negative, NodeLocation location) {
    BigInteger value = new BigInteger(token.getText());
    if (negative) {
      value = value.negate();
    }
    if (value.compareTo(INT_MIN) >= 0 && value.compareTo(INT_MAX) <= 0) {
      return new IntegerLiteral(value.intValue(), location);
    }
    if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
      return new LongLiteral(value.longValue(), location);
    }
    throw SyntaxErrors.at(
        token, "number " + (negative ? "-" : "") + token.getText() + " is out of range for BIGINT");
  }

  static Literal decimal(Token token, boolean negative, NodeLocation location) {
    BigDecimal value = new BigDecimal(token.getText());
    return new DecimalLiteral(negative ? value.negate() : value, location);
  }

  static Literal floating(Token token, boolean negative, NodeLocation location) {
    double value = Double.parseDouble(token.getText());
    if (Double.isInfinite(value)) {
      throw SyntaxErrors.at(token, "number " + token.getText() + " is out of range for DOUBLE");
    }
    return new DoubleLiteral(negative ? -value : value, location);
  }

  /** A small non-negative count such as a LIMIT or DECIMAL precision. */
  static int smallInt(Token token) {
    try {
      return Integer.parseInt(token.getText());
    } catch (NumberFormatException e) {
      throw SyntaxErrors.at(token, "number " + token.getText() + " is too large here");
    }
  }

  /** A long count such as a window size. */
  static long size(Token token) {
    try {
      return Long.parseLong(token.getText());
    } catch (NumberFormatException e) {
      throw SyntaxErrors.at(token, "number " + token.getText() + " is too large here");
    }
  }
}
