package dev.millrace.planner.analysis;

import dev.millrace.engine.function.ImplicitCasts;
import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.SqlType.Base;
import dev.millrace.parser.ast.ArithmeticBinary;
import java.util.Optional;

/**
 * ksqlDB's result types of the arithmetic and comparison operators. Numbers combine to the wider of
 * the two (INTEGER, BIGINT, DECIMAL, DOUBLE); two DECIMALs (an integer counts as the DECIMAL
 * holding all its values) give the precision and scale SQL Server's rules give, capped at 38.
 */
public final class OperatorTypes {
  private static final int MAX_PRECISION = 38;

  private OperatorTypes() {}

  public static boolean isNumeric(SqlType type) {
    Base base = type.base();
    return base == Base.INTEGER
        || base == Base.BIGINT
        || base == Base.DOUBLE
        || base == Base.DECIMAL;
  }

  public static boolean isTemporal(SqlType type) {
    Base base = type.base();
    return base == Base.DATE || base == Base.TIME || base == Base.TIMESTAMP;
  }

  /** The result type of {@code left op right} for numbers, or empty when they do not combine. */
  public static Optional<SqlType> arithmetic(
      ArithmeticBinary.Operator op, SqlType left, SqlType right) {
    if (!isNumeric(left) || !isNumeric(right)) {
      return Optional.empty();
    }
    if (left.base() == Base.DOUBLE || right.base() == Base.DOUBLE) {
      return Optional.of(SqlType.DOUBLE);
    }
    if (left.base() == Base.DECIMAL || right.base() == Base.DECIMAL) {
      return Optional.of(
          decimal(op, ImplicitCasts.asDecimal(left), ImplicitCasts.asDecimal(right)));
    }
    return Optional.of(
        left.base() == Base.BIGINT || right.base() == Base.BIGINT
            ? SqlType.BIGINT
            : SqlType.INTEGER);
  }

  private static SqlType decimal(
      ArithmeticBinary.Operator op, SqlType.Decimal a, SqlType.Decimal b) {
    int p1 = a.precision();
    int s1 = a.scale();
    int p2 = b.precision();
    int s2 = b.scale();
    return switch (op) {
      case ADD, SUBTRACT ->
          capped(Math.max(p1 - s1, p2 - s2) + Math.max(s1, s2) + 1, Math.max(s1, s2));
      case MULTIPLY -> capped(p1 + p2 + 1, s1 + s2);
      case DIVIDE -> capped(p1 - s1 + s2 + Math.max(6, s1 + p2 + 1), Math.max(6, s1 + p2 + 1));
      case MODULUS -> capped(Math.min(p1 - s1, p2 - s2) + Math.max(s1, s2), Math.max(s1, s2));
    };
  }

  private static SqlType.Decimal capped(int precision, int scale) {
    int p = Math.min(MAX_PRECISION, Math.max(1, precision));
    return new SqlType.Decimal(p, Math.min(scale, p));
  }

  /** The type both sides of a comparison are brought to, or empty when they cannot be compared. */
  public static Optional<SqlType> comparable(SqlType left, SqlType right) {
    if (isNumeric(left) && isNumeric(right)) {
      return ImplicitCasts.commonType(left, right);
    }
    if (isTemporal(left) && right.base() == Base.STRING) {
      return Optional.of(left);
    }
    if (isTemporal(right) && left.base() == Base.STRING) {
      return Optional.of(right);
    }
    // A DATE compared with a TIMESTAMP is its midnight (UTC), as in ksqlDB.
    if (left.base() == Base.DATE && right.base() == Base.TIMESTAMP
        || left.base() == Base.TIMESTAMP && right.base() == Base.DATE) {
      return Optional.of(SqlType.TIMESTAMP);
    }
    return left.base() == right.base()
        ? ImplicitCasts.commonType(left, right).or(() -> equalOrEmpty(left, right))
        : Optional.empty();
  }

  private static Optional<SqlType> equalOrEmpty(SqlType left, SqlType right) {
    return left.equals(right) ? Optional.of(left) : Optional.empty();
  }

  /** Whether values of the type have an order (complex types only compare for equality). */
  public static boolean isOrdered(SqlType type) {
    Base base = type.base();
    return base != Base.ARRAY && base != Base.MAP && base != Base.STRUCT;
  }
}
