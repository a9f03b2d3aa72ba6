package dev.millrace.engine.function;

import static dev.millrace.engine.function.Types.ANY_DECIMAL;
import static dev.millrace.engine.function.Types.BIGINT;
import static dev.millrace.engine.function.Types.DOUBLE;
import static dev.millrace.engine.function.Types.INT;
import static dev.millrace.engine.function.Types.T;
import static dev.millrace.engine.function.Types.sig;

/** Registers the built-in aggregate functions. */
final class BuiltInAggregates {
  private BuiltInAggregates() {}

  static void register(FunctionRegistry.Builder b) {
    b.aggregate("COUNT", "Counts rows (COUNT(*)) or the rows where the argument is not null.")
        .add(sig(BIGINT), (p, i) -> BasicAggregates.count(true))
        .add(sig(BIGINT, T), (p, i) -> BasicAggregates.count(false));
    FunctionRegistry.AggregateBuilder sum = b.aggregate("SUM", "The sum of the non-null values, in their type.");
    FunctionRegistry.AggregateBuilder avg = b.aggregate("AVG", "The average of the non-null values, as a DOUBLE.");
    for (TypePattern number : new TypePattern[] {INT, BIGINT, DOUBLE, ANY_DECIMAL}) {
      sum.add(sig(number, number), (p, i) -> BasicAggregates.sum(p.get(0)));
      avg.add(sig(DOUBLE, number), (p, i) -> BasicAggregates.average(p.get(0)));
    }
    b.aggregate("MIN", "The smallest non-null value.")
        .add(sig(T, T), (p, i) -> BasicAggregates.extreme(orderable("MIN", p.get(0)), false));
    b.aggregate("MAX", "The largest non-null value.")
        .add(sig(T, T), (p, i) -> BasicAggregates.extreme(orderable("MAX", p.get(0)), true));
  }

  private static dev.millrace.engine.types.SqlType orderable(String name, dev.millrace.engine.types.SqlType type) {
    if (!dev.millrace.engine.expr.Comparisons.isOrderable(type)) {
      throw new FunctionException(name + " does not accept " + type.toSql() + ": its values cannot be ordered");
    }
    return type;
  }
}
