package dev.millrace.engine.function;

import static dev.millrace.engine.function.Types.ANY_DECIMAL;
import static dev.millrace.engine.function.Types.BIGINT;
import static dev.millrace.engine.function.Types.DOUBLE;
import static dev.millrace.engine.function.Types.INT;
import static dev.millrace.engine.function.Types.sig;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * Arithmetic functions. ABS, FLOOR and CEIL keep the argument's type; the others work on DOUBLE
 * (see {@link RoundingFunctions} for ROUND and TRUNC).
 */
final class NumericFunctions {
  private NumericFunctions() {}

  static void register(FunctionRegistry.Builder b) {
    b.category("MATHEMATICAL");
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
    b.scalar(
            "GEO_DISTANCE",
            "The great-circle distance between two latitude/longitude points, in KM or MILES.")
        .add(sig(DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE), a -> geoDistance(a, "KM"))
        .add(
            sig(DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, Types.STRING),
            a -> geoDistance(a, (String) a[4]));
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
    // ksqlDB's one-argument LOG is the natural logarithm (its docs say base 10; its tests and code
    // do not).
    b.scalar("LOG", "The natural logarithm of a value, or the logarithm in a given base.")
        .add(sig(DOUBLE, DOUBLE), a -> Math.log((Double) a[0]))
        .add(sig(DOUBLE, DOUBLE, DOUBLE), a -> log((Double) a[0], (Double) a[1]));
    b.scalar("POWER", "A base raised to an exponent.")
        .add(sig(DOUBLE, DOUBLE, DOUBLE), a -> Math.pow((Double) a[0], (Double) a[1]));
    b.scalar("PI", "An approximation of pi.").add(sig(DOUBLE), a -> Math.PI);
    b.scalar("RANDOM", "A random DOUBLE between 0.0 and 1.0.")
        .add(sig(DOUBLE), a -> ThreadLocalRandom.current().nextDouble());
  }

  /** The haversine distance on a sphere of the Earth's mean radius. */
  private static double geoDistance(Object[] a, String unit) {
    double radius =
        switch (unit.trim().toUpperCase(java.util.Locale.ROOT)) {
          case "KM", "KILOMETER", "KILOMETERS", "KILOMETRE", "KILOMETRES" -> 6371.0;
          case "MI", "MILE", "MILES" -> 3959.0;
          default ->
              throw new IllegalArgumentException(
                  "GEO_DISTANCE unit must be KM or MILES, not " + unit);
        };
    double lat1 = Math.toRadians((Double) a[0]);
    double lat2 = Math.toRadians((Double) a[2]);
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians((Double) a[3] - (Double) a[1]);
    double h =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * radius * Math.asin(Math.sqrt(h));
  }

  private static void unary(
      FunctionRegistry.Builder b, String name, String description, DoubleUnaryOperator f) {
    b.scalar(name, description).add(sig(DOUBLE, DOUBLE), a -> f.applyAsDouble((Double) a[0]));
  }

  private static BigDecimal integral(BigDecimal value, RoundingMode mode) {
    return value.setScale(0, mode).setScale(value.scale(), RoundingMode.UNNECESSARY);
  }

  private static double log(double base, double value) {
    return Math.log(value) / Math.log(base);
  }
}
