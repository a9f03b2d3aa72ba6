package dev.millrace.engine.function;

import static dev.millrace.engine.function.Types.ANY_DECIMAL;
import static dev.millrace.engine.function.Types.BIGINT;
import static dev.millrace.engine.function.Types.DOUBLE;
import static dev.millrace.engine.function.Types.INT;
import static dev.millrace.engine.function.Types.sig;

import dev.millrace.engine.types.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * Arithmetic functions. ABS, FLOOR, CEIL and ROUND keep the argument's type (ROUND of a DOUBLE
 * without a scale gives a BIGINT, as in ksqlDB); the others work on DOUBLE.
 */
final class NumericFunctions {
  private NumericFunctions() {}

  static void register(FunctionRegistry.Builder b) {
    b.scalar("ABS", "The absolute value of a number.")
        .add(sig(INT, INT), a -> Math.abs((Integer) a[0]))
        .add(sig(BIGINT, BIGINT), a -> Math.abs((Long) a[0]))
        .add(sig(DOUBLE, DOUBLE), a -> Math.abs((Double) a[0]))
        .add(sig(ANY_DECIMAL, ANY_DECIMAL), a -> ((BigDecimal) a[0]).abs());
    b.scalar("FLOOR", "The largest integer value not greater than the number.")
        .add(sig(INT, INT), a -> a[0])
        .add(sig(BIGINT, BIGINT), a -> a[0])
        .add(sig(DOUBLE, DOUBLE), a -> Math.floor((Double) a[0]))
        .add(sig(ANY_DECIMAL, ANY_DECIMAL), a -> integral((BigDecimal) a[0], RoundingMode.FLOOR));
    b.scalar("CEIL", "The smallest integer value not less than the number.")
        .add(sig(INT, INT), a -> a[0])
        .add(sig(BIGINT, BIGINT), a -> a[0])
        .add(sig(DOUBLE, DOUBLE), a -> Math.ceil((Double) a[0]))
        .add(sig(ANY_DECIMAL, ANY_DECIMAL), a -> integral((BigDecimal) a[0], RoundingMode.CEILING));
    registerRound(b);
    registerTrunc(b);
    b.scalar("SIGN", "The sign of a number: -1, 0 or 1.")
        .add(sig(INT, INT), a -> Integer.signum((Integer) a[0]))
        .add(sig(INT, BIGINT), a -> Long.signum((Long) a[0]))
        .add(sig(INT, DOUBLE), a -> (int) Math.signum((Double) a[0]))
        .add(sig(INT, ANY_DECIMAL), a -> ((BigDecimal) a[0]).signum());
    unary(b, "SQRT", "The square root of a number.", Math::sqrt);
    unary(b, "CBRT", "The cube root of a number.", Math::cbrt);
    unary(b, "EXP", "e raised to the power of the number.", Math::exp);
    unary(b, "LN", "The natural logarithm of a number.", Math::log);
    unary(b, "ACOS", "The arc cosine of a number, in radians.", Math::acos);
    unary(b, "ASIN", "The arc sine of a number, in radians.", Math::asin);
    unary(b, "ATAN", "The arc tangent of a number, in radians.", Math::atan);
    unary(b, "COS", "The cosine of an angle in radians.", Math::cos);
    unary(b, "COSH", "The hyperbolic cosine of a number.", Math::cosh);
    unary(b, "COT", "The cotangent of an angle in radians.", x -> 1.0 / Math.tan(x));
    unary(b, "SIN", "The sine of an angle in radians.", Math::sin);
    unary(b, "SINH", "The hyperbolic sine of a number.", Math::sinh);
    unary(b, "TAN", "The tangent of an angle in radians.", Math::tan);
    unary(b, "TANH", "The hyperbolic tangent of a number.", Math::tanh);
    unary(b, "DEGREES", "Converts radians to degrees.", Math::toDegrees);
    unary(b, "RADIANS", "Converts degrees to radians.", Math::toRadians);
    b.scalar("ATAN2", "The arc tangent of y / x, in radians.")
        .add(sig(DOUBLE, DOUBLE, DOUBLE), a -> Math.atan2((Double) a[0], (Double) a[1]));
    b.scalar("LOG", "The base-10 logarithm of a value, or the logarithm in a given base.")
        .add(sig(DOUBLE, DOUBLE), a -> Math.log10((Double) a[0]))
        .add(sig(DOUBLE, DOUBLE, DOUBLE), a -> log((Double) a[0], (Double) a[1]));
    b.scalar("POWER", "A base raised to an exponent.")
        .add(sig(DOUBLE, DOUBLE, DOUBLE), a -> Math.pow((Double) a[0], (Double) a[1]));
    b.scalar("PI", "An approximation of pi.").add(sig(DOUBLE), a -> Math.PI);
    b.scalar("RANDOM", "A random DOUBLE between 0.0 and 1.0.")
        .add(sig(DOUBLE), a -> ThreadLocalRandom.current().nextDouble());
  }

  private static void registerRound(FunctionRegistry.Builder b) {
    b.scalar("ROUND", "Rounds a number to a number of decimal places (default 0); halves round up.")
        .add(sig(INT, INT), a -> a[0])
        .add(sig(BIGINT, BIGINT), a -> a[0])
        .add(sig(BIGINT, DOUBLE), a -> Math.round((Double) a[0]))
        .add(sig(INT, INT, INT), a -> roundExact(BigDecimal.valueOf((Integer) a[0]), (Integer) a[1]).intValue())
        .add(sig(BIGINT, BIGINT, INT), a -> roundExact(BigDecimal.valueOf((Long) a[0]), (Integer) a[1]).longValue())
        .add(sig(DOUBLE, DOUBLE, INT), a -> roundDouble((Double) a[0], (Integer) a[1]))
        .addTyped(sig(ANY_DECIMAL, ANY_DECIMAL).returning("DECIMAL", (params, bindings) -> roundedType(params.get(0))),
            true, (params, result) -> a -> roundExact((BigDecimal) a[0], 0))
        .addTyped(sig(ANY_DECIMAL, ANY_DECIMAL, INT), true, (params, result) -> {
          int scale = ((SqlType.Decimal) result).scale();
          return a -> roundExact((BigDecimal) a[0], (Integer) a[1]).setScale(scale, RoundingMode.UNNECESSARY);
        });
  }

  private static void registerTrunc(FunctionRegistry.Builder b) {
    b.scalar("TRUNC", "Truncates a number towards zero, to a number of decimal places (default 0).")
        .add(sig(INT, INT), a -> a[0])
        .add(sig(BIGINT, BIGINT), a -> a[0])
        .add(sig(BIGINT, DOUBLE), a -> (long) (double) (Double) a[0])
        .add(sig(DOUBLE, DOUBLE, INT), a -> truncDouble((Double) a[0], (Integer) a[1]))
        .addTyped(sig(ANY_DECIMAL, ANY_DECIMAL).returning("DECIMAL", (params, bindings) -> roundedType(params.get(0))),
            true, (params, result) -> a -> ((BigDecimal) a[0]).setScale(0, RoundingMode.DOWN))
        .addTyped(sig(ANY_DECIMAL, ANY_DECIMAL, INT), true, (params, result) -> {
          int scale = ((SqlType.Decimal) result).scale();
          return a -> ((BigDecimal) a[0]).setScale((Integer) a[1], RoundingMode.DOWN).setScale(scale, RoundingMode.DOWN);
        });
  }

  private static Object truncDouble(double value, int places) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.DOWN).doubleValue();
  }

  private static void unary(FunctionRegistry.Builder b, String name, String description, DoubleUnaryOperator f) {
    b.scalar(name, description).add(sig(DOUBLE, DOUBLE), a -> f.applyAsDouble((Double) a[0]));
  }

  private static SqlType roundedType(SqlType decimal) {
    SqlType.Decimal d = (SqlType.Decimal) decimal;
    return new SqlType.Decimal(Math.min(38, Math.max(1, d.precision() - d.scale() + 1)), 0);
  }

  /** Rounds half towards positive infinity, as ksqlDB's ROUND does. */
  private static BigDecimal roundExact(BigDecimal value, int places) {
    RoundingMode mode = value.signum() < 0 ? RoundingMode.HALF_DOWN : RoundingMode.HALF_UP;
    BigDecimal rounded = value.setScale(places, mode);
    return places < 0 ? rounded.setScale(0, RoundingMode.UNNECESSARY) : rounded;
  }

  private static Object roundDouble(double value, int places) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    return roundExact(BigDecimal.valueOf(value), places).doubleValue();
  }

  private static BigDecimal integral(BigDecimal value, RoundingMode mode) {
    return value.setScale(0, mode).setScale(value.scale(), RoundingMode.UNNECESSARY);
  }

  private static double log(double base, double value) {
    return Math.log(value) / Math.log(base);
  }
}
