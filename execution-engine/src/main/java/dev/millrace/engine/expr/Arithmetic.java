package dev.millrace.engine.expr;

import dev.millrace.engine.plan.Operator;
import dev.millrace.engine.types.SqlType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The arithmetic operators for each number type, chosen at compile time. INTEGER and BIGINT wrap on
 * overflow and fail on division by zero; DOUBLE follows IEEE-754 (Infinity, NaN); DECIMAL results
 * are rounded half-up to the operation's type, and division or modulus by zero gives null, as in
 * ksqlDB.
 */
final class Arithmetic {
  private Arithmetic() {}

  /** A null-propagating binary operation of {@code type} over two operands of that type. */
  static Eval binary(Operator op, SqlType type, Eval left, Eval right) {
    return binary(op, type, left, right, false);
  }

  /**
   * A binary operation; when {@code strict}, a null operand fails instead of giving null. ksqlDB
   * runs lambda bodies as plain Java, where arithmetic on a null fails the whole function call
   * (which then yields null); strict operations reproduce that inside lambdas.
   */
  static Eval binary(Operator op, SqlType type, Eval left, Eval right, boolean strict) {
    Op f =
        switch (type.base()) {
          case INTEGER -> integer(op);
          case BIGINT -> bigint(op);
          case DOUBLE -> dbl(op);
          case DECIMAL -> decimal(op, (SqlType.Decimal) type);
          case STRING -> op == Operator.ADD ? (a, b) -> (String) a + b : null;
          default -> null;
        };
    if (f == null) {
      throw new IllegalArgumentException("Operator " + op + " does not apply to " + type.toSql());
    }
    if (strict) {
      return (row, vars) -> {
        Object a = left.eval(row, vars);
        Object b = right.eval(row, vars);
        if (a == null || b == null) {
          throw new EvaluationException("Null operand of " + op + " in a lambda");
        }
        return f.apply(a, b);
      };
    }
    return (row, vars) -> {
      Object a = left.eval(row, vars);
      if (a == null) {
        return null;
      }
      Object b = right.eval(row, vars);
      return b == null ? null : f.apply(a, b);
    };
  }

  /** Unary minus. */
  static Eval negate(SqlType type, Eval operand) {
    Op1 f =
        switch (type.base()) {
          case INTEGER -> a -> -(Integer) a;
          case BIGINT -> a -> -(Long) a;
          case DOUBLE -> a -> -(Double) a;
          case DECIMAL -> a -> ((BigDecimal) a).negate();
          default -> throw new IllegalArgumentException("Cannot negate " + type.toSql());
        };
    return (row, vars) -> {
      Object a = operand.eval(row, vars);
      return a == null ? null : f.apply(a);
    };
  }

  private interface Op {
    Object apply(Object a, Object b);
  }

  private interface Op1 {
    Object apply(Object a);
  }

  private static Op integer(Operator op) {
    return switch (op) {
      case ADD -> (a, b) -> (Integer) a + (Integer) b;
      case SUBTRACT -> (a, b) -> (Integer) a - (Integer) b;
      case MULTIPLY -> (a, b) -> (Integer) a * (Integer) b;
      case DIVIDE -> (a, b) -> (Integer) a / nonZero((Integer) b);
      case MODULUS -> (a, b) -> (Integer) a % nonZero((Integer) b);
      default -> null;
    };
  }

  private static Op bigint(Operator op) {
    return switch (op) {
      case ADD -> (a, b) -> (Long) a + (Long) b;
      case SUBTRACT -> (a, b) -> (Long) a - (Long) b;
      case MULTIPLY -> (a, b) -> (Long) a * (Long) b;
      case DIVIDE -> (a, b) -> (Long) a / nonZero((Long) b);
      case MODULUS -> (a, b) -> (Long) a % nonZero((Long) b);
      default -> null;
    };
  }

  private static Op dbl(Operator op) {
    return switch (op) {
      case ADD -> (a, b) -> (Double) a + (Double) b;
      case SUBTRACT -> (a, b) -> (Double) a - (Double) b;
      case MULTIPLY -> (a, b) -> (Double) a * (Double) b;
      case DIVIDE -> (a, b) -> (Double) a / (Double) b;
      case MODULUS -> (a, b) -> (Double) a % (Double) b;
      default -> null;
    };
  }

  private static Op decimal(Operator op, SqlType.Decimal type) {
    Converter fit = Casts.decimal(type);
    int scale = type.scale();
    return switch (op) {
      case ADD -> (a, b) -> fit.convert(((BigDecimal) a).add((BigDecimal) b));
      case SUBTRACT -> (a, b) -> fit.convert(((BigDecimal) a).subtract((BigDecimal) b));
      case MULTIPLY -> (a, b) -> fit.convert(((BigDecimal) a).multiply((BigDecimal) b));
      case DIVIDE ->
          (a, b) ->
              ((BigDecimal) b).signum() == 0
                  ? null
                  : fit.convert(
                      ((BigDecimal) a).divide((BigDecimal) b, scale, RoundingMode.HALF_UP));
      case MODULUS ->
          (a, b) ->
              ((BigDecimal) b).signum() == 0
                  ? null
                  : fit.convert(((BigDecimal) a).remainder((BigDecimal) b, MathContext.DECIMAL128));
      default -> null;
    };
  }

  private static int nonZero(int divisor) {
    if (divisor == 0) {
      throw new EvaluationException("Division by zero");
    }
    return divisor;
  }

  private static long nonZero(long divisor) {
    if (divisor == 0) {
      throw new EvaluationException("Division by zero");
    }
    return divisor;
  }
}
