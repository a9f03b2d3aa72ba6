package dev.millrace.engine.function;

import static dev.millrace.engine.function.Types.ANY_DECIMAL;
import static dev.millrace.engine.function.Types.BIGINT;
import static dev.millrace.engine.function.Types.DOUBLE;
import static dev.millrace.engine.function.Types.INT;
import static dev.millrace.engine.function.Types.sig;

import dev.millrace.engine.types.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * ROUND and TRUNC to a number of decimal places (negative: to tens, hundreds...). Integers stay
 * integers; a DOUBLE without places becomes a BIGINT; a DECIMAL keeps its scale when places are
 * given and loses it otherwise. ROUND takes halves towards positive infinity, as ksqlDB does.
 */
final class RoundingFunctions {
  private RoundingFunctions() {}

  static void register(FunctionRegistry.Builder b) {
    b.category("MATHEMATICAL");
    registerRound(b);
    registerTrunc(b);
  }

  private static void registerRound(FunctionRegistry.Builder b) {
    b.scalar("ROUND", "Rounds a number to a number of decimal places (default 0); halves round up.")
        .add(sig(INT, INT), a -> a[0])
        .add(sig(BIGINT, BIGINT), a -> a[0])
        .add(sig(BIGINT, DOUBLE), a -> Math.round((Double) a[0]))
        .add(
            sig(INT, INT, INT),
            a -> roundExact(BigDecimal.valueOf((Integer) a[0]), (Integer) a[1]).intValue())
        .add(
            sig(BIGINT, BIGINT, INT),
            a -> roundExact(BigDecimal.valueOf((Long) a[0]), (Integer) a[1]).longValue())
        .add(sig(DOUBLE, DOUBLE, INT), a -> roundDouble((Double) a[0], (Integer) a[1]))
        .addTyped(
            sig(ANY_DECIMAL, ANY_DECIMAL)
                .returning("DECIMAL", (params, bindings) -> roundedType(params.get(0))),
            true,
            (params, result) -> a -> roundExact((BigDecimal) a[0], 0))
        .addTyped(
            sig(ANY_DECIMAL, ANY_DECIMAL, INT),
            true,
            (params, result) -> {
              int scale = ((SqlType.Decimal) result).scale();
              return a ->
                  roundExact((BigDecimal) a[0], (Integer) a[1])
                      .setScale(scale, RoundingMode.UNNECESSARY);
            });
  }

  private static void registerTrunc(FunctionRegistry.Builder b) {
    b.scalar("TRUNC", "Truncates a number towards zero to a number of decimal places (default 0).")
        .add(sig(INT, INT), a -> a[0])
        .add(sig(BIGINT, BIGINT), a -> a[0])
        .add(sig(BIGINT, DOUBLE), a -> (long) (double) (Double) a[0])
        .add(sig(DOUBLE, DOUBLE, INT), a -> truncDouble((Double) a[0], (Integer) a[1]))
        .addTyped(
            sig(ANY_DECIMAL, ANY_DECIMAL)
                .returning("DECIMAL", (params, bindings) -> truncatedType(params.get(0))),
            true,
            (params, result) -> a -> trunc((BigDecimal) a[0], 0))
        .addTyped(
            sig(ANY_DECIMAL, ANY_DECIMAL, INT),
            true,
            (params, result) -> {
              int scale = ((SqlType.Decimal) result).scale();
              return a ->
                  trunc((BigDecimal) a[0], (Integer) a[1])
                      .setScale(scale, RoundingMode.UNNECESSARY);
            });
  }

  private static SqlType truncatedType(SqlType decimal) {
    SqlType.Decimal d = (SqlType.Decimal) decimal;
    return new SqlType.Decimal(Math.max(1, d.precision() - d.scale()), 0);
  }

  private static BigDecimal trunc(BigDecimal value, int places) {
    BigDecimal cut = value.setScale(places, RoundingMode.DOWN);
    return places < 0 ? cut.setScale(0, RoundingMode.UNNECESSARY) : cut;
  }

  private static Object truncDouble(double value, int places) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    return trunc(BigDecimal.valueOf(value), places).doubleValue();
  }

  private static SqlType roundedType(SqlType decimal) {
    SqlType.Decimal d = (SqlType.Decimal) decimal;
    return new SqlType.Decimal(Math.max(1, d.precision() - d.scale()), 0);
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
}
