package dev.millrace.engine.function;

import static dev.millrace.engine.function.Types.ANY_DECIMAL;
import static dev.millrace.engine.function.Types.ARRAY_T;
import static dev.millrace.engine.function.Types.BIGINT;
import static dev.millrace.engine.function.Types.DOUBLE;
import static dev.millrace.engine.function.Types.INT;
import static dev.millrace.engine.function.Types.T;
import static dev.millrace.engine.function.Types.sig;

import dev.millrace.engine.expr.Comparisons;
import dev.millrace.engine.types.SqlType;
import java.util.List;

/** Registers the built-in aggregate functions. */
final class BuiltInAggregates {
  private static final TypePattern NUMBER = new TypePattern.Var("N", TypePattern.Kind.NUMERIC);

  private BuiltInAggregates() {}

  static void register(FunctionRegistry.Builder b) {
    b.category("AGGREGATE");
    b.aggregate("COUNT", "Counts rows (COUNT(*)) or the rows where the argument is not null.")
        .add(sig(BIGINT), (p, i) -> BasicAggregates.count(true))
        .add(sig(BIGINT, T), (p, i) -> BasicAggregates.count(false));
    FunctionRegistry.AggregateBuilder sum =
        b.aggregate("SUM", "The sum of the non-null values, in their type.");
    FunctionRegistry.AggregateBuilder avg =
        b.aggregate("AVG", "The average of the non-null values, as a DOUBLE.");
    for (TypePattern number : new TypePattern[] {INT, BIGINT, DOUBLE, ANY_DECIMAL}) {
      sum.add(sig(number, number), (p, i) -> BasicAggregates.sum(p.get(0)));
      avg.add(sig(DOUBLE, number), (p, i) -> BasicAggregates.average(p.get(0)));
    }
    FunctionRegistry.AggregateBuilder sumList =
        b.aggregate("SUM_LIST", "The sum of the non-null elements of every array.");
    for (TypePattern number : new TypePattern[] {INT, BIGINT, DOUBLE}) {
      sumList.add(
          sig(number, TypePattern.arrayOf(number)),
          (p, i) -> BasicAggregates.sumList(((SqlType.Array) p.get(0)).element()));
    }
    b.aggregate("ATTR", "The value when all rows have the same value, else null.")
        .add(sig(T, T), (p, i) -> AttrAggregate.of(p.get(0)));
    b.aggregate("MIN", "The smallest non-null value.")
        .add(sig(T, T), (p, i) -> BasicAggregates.extreme(orderable("MIN", p.get(0)), false));
    b.aggregate("MAX", "The largest non-null value.")
        .add(sig(T, T), (p, i) -> BasicAggregates.extreme(orderable("MAX", p.get(0)), true));
    b.aggregate("COLLECT_LIST", "Every value, nulls included, as an array.")
        .add(sig(ARRAY_T, T), CollectAggregates.limited(CollectAggregates::collectList));
    b.aggregate("COLLECT_SET", "The distinct values as an array, in order of first occurrence.")
        .add(sig(ARRAY_T, T), CollectAggregates.limited(CollectAggregates::collectSet));
    b.aggregate("COUNT_DISTINCT", "The number of distinct non-null values.")
        .add(sig(BIGINT, T), (p, i) -> CollectAggregates.countDistinct(p.get(0)));
    b.aggregate("HISTOGRAM", "A count per distinct non-null value.")
        .add(sig(TypePattern.mapOf(T, BIGINT), T), (p, i) -> CollectAggregates.histogram(p.get(0)));
    registerOffsets(
        b,
        "EARLIEST_BY_OFFSET",
        "The earliest value (or n values) received; nulls ignored unless told.",
        false);
    registerOffsets(
        b,
        "LATEST_BY_OFFSET",
        "The latest value (or n values) received; nulls ignored unless told.",
        true);
    registerTopK(b);
    b.aggregate(
            "STDDEV_SAMP", "The sample variance of the non-null values (as ksqlDB computes it).")
        .add(sig(DOUBLE, NUMBER), (p, i) -> StatisticsAggregates.variance(false));
    b.aggregate("STDDEV_SAMPLE", "The sample standard deviation of the non-null values.")
        .add(sig(DOUBLE, NUMBER), (p, i) -> StatisticsAggregates.variance(true));
    b.aggregate(
            "CORRELATION",
            "Pearson's correlation of two columns over the rows where both are non-null.")
        .add(sig(DOUBLE, DOUBLE, DOUBLE), (p, i) -> StatisticsAggregates.correlation());
  }

  private static void registerOffsets(
      FunctionRegistry.Builder b, String name, String description, boolean latest) {
    TypePattern arrayOfT = TypePattern.arrayOf(T);
    b.aggregate(name, description)
        .add(sig(T, T), (p, i) -> OffsetAggregates.single(p.get(0), latest, true))
        .add(
            sig(T, T),
            List.of(SqlType.BOOLEAN),
            (p, i) -> OffsetAggregates.single(p.get(0), latest, (Boolean) i.get(0)))
        .add(
            sig(arrayOfT, T),
            List.of(SqlType.INTEGER),
            (p, i) -> OffsetAggregates.several(p.get(0), latest, (Integer) i.get(0), true))
        .add(
            sig(arrayOfT, T),
            List.of(SqlType.INTEGER, SqlType.BOOLEAN),
            (p, i) ->
                OffsetAggregates.several(p.get(0), latest, (Integer) i.get(0), (Boolean) i.get(1)));
  }

  private static void registerTopK(FunctionRegistry.Builder b) {
    List<SqlType> k = List.of(SqlType.INTEGER);
    FunctionRegistry.AggregateBuilder topk =
        b.aggregate(
                "TOPK",
                "The k largest values, largest first; with more columns, structs of the sort value and the columns.")
            .add(
                sig(ARRAY_T, T),
                k,
                (p, i) ->
                    TopKAggregates.topK(orderable("TOPK", p.get(0)), (Integer) i.get(0), false));
    TypePattern[] extras = {TypePattern.var("U1"), TypePattern.var("U2"), TypePattern.var("U3")};
    for (int n = 1; n <= extras.length; n++) {
      TypePattern[] params = new TypePattern[n + 1];
      params[0] = T;
      System.arraycopy(extras, 0, params, 1, n);
      Signature signature =
          Signature.of(ARRAY_T, params).returning("ARRAY<STRUCT>", (p, bindings) -> null);
      topk.add(signature, k, (p, i) -> TopKAggregates.topKWithColumns(p, (Integer) i.get(0)));
    }
    b.aggregate("TOPKDISTINCT", "The k largest distinct values, largest first.")
        .add(
            sig(ARRAY_T, T),
            k,
            (p, i) ->
                TopKAggregates.topK(orderable("TOPKDISTINCT", p.get(0)), (Integer) i.get(0), true));
  }

  private static SqlType orderable(String name, SqlType type) {
    if (!Comparisons.isOrderable(type)) {
      throw new FunctionException(
          name + " does not accept " + type.toSql() + ": its values cannot be ordered");
    }
    return type;
  }
}
