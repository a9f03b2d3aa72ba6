package dev.millrace.engine.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.expr.EvaluationException;
import dev.millrace.engine.types.SqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Built-in aggregates, fed row by row as the aggregation operator does; expectations from the
 * compatibility cases.
 */
class BuiltInAggregatesTest {
  private static final FunctionRegistry REGISTRY = FunctionRegistry.builtIns();

  private static Aggregator aggregator(String name, List<SqlType> types, Object... init) {
    return REGISTRY.resolveAggregate(name, types, Arrays.asList(init)).aggregator();
  }

  /** The result after each value is added. */
  private static List<Object> results(Aggregator aggregator, Object... values) {
    Object acc = aggregator.initialize();
    List<Object> out = new ArrayList<>();
    for (Object v : values) {
      acc = aggregator.add(acc, new Object[] {v});
      out.add(aggregator.result(acc));
    }
    return out;
  }

  @Test
  void countSumAverageIgnoreNulls() {
    assertEquals(
        List.of(1L, 1L, 2L), results(aggregator("COUNT", List.of(SqlType.INTEGER)), 1, null, 2));
    assertEquals(
        List.of(0, 100, 600), results(aggregator("SUM", List.of(SqlType.INTEGER)), 0, 100, 500));
    assertEquals(
        List.of(2.0, 2.0, 3.0), results(aggregator("AVG", List.of(SqlType.BIGINT)), 2L, null, 4L));
    Aggregator star = aggregator("COUNT", List.of());
    assertEquals(2L, star.add(star.add(star.initialize(), new Object[0]), new Object[0]));
  }

  @Test
  void decimalSumOverflowFails() {
    Aggregator sum = aggregator("SUM", List.of(new SqlType.Decimal(4, 1)));
    Object acc = sum.add(sum.initialize(), new Object[] {new BigDecimal("500.9")});
    Object full = acc;
    assertThrows(
        EvaluationException.class, () -> sum.add(full, new Object[] {new BigDecimal("600.8")}));
    assertEquals(new BigDecimal("801.7"), sum.add(acc, new Object[] {new BigDecimal("300.8")}));
  }

  @Test
  void undoTakesRowsBackOut() {
    Aggregator sum = aggregator("SUM", List.of(SqlType.DOUBLE));
    assertTrue(sum.canUndo());
    Object acc = sum.add(sum.add(sum.initialize(), new Object[] {1.5}), new Object[] {2.0});
    assertEquals(2.0, sum.result(sum.undo(acc, new Object[] {1.5})));
    Aggregator histogram = aggregator("HISTOGRAM", List.of(SqlType.STRING));
    Object counts =
        histogram.add(
            histogram.add(histogram.initialize(), new Object[] {"alice"}), new Object[] {"bob"});
    assertEquals(
        Map.of("bob", 1L), histogram.result(histogram.undo(counts, new Object[] {"alice"})));
  }

  /** As in ksqlDB: a set cannot tell whether another row still holds a value being taken out. */
  @Test
  void onlyAggregatesThatCanTakeARowBackOutCanUndo() {
    assertTrue(aggregator("COLLECT_LIST", List.of(SqlType.STRING)).canUndo());
    assertFalse(aggregator("COLLECT_SET", List.of(SqlType.STRING)).canUndo());
    assertFalse(aggregator("MAX", List.of(SqlType.INTEGER)).canUndo());
    assertFalse(aggregator("TOPK", List.of(SqlType.INTEGER), 2).canUndo());
  }

  @Test
  void minMaxAndCollections() {
    assertEquals(
        List.of(5, 3, 3), results(aggregator("MIN", List.of(SqlType.INTEGER)), 5, 3, null));
    assertEquals(List.of("a", "b"), results(aggregator("MAX", List.of(SqlType.STRING)), "a", "b"));
    assertEquals(
        List.of(
            List.of("foo"),
            List.of("foo", "bar"),
            List.of("foo", "bar"),
            Arrays.asList("foo", "bar", null)),
        results(aggregator("COLLECT_SET", List.of(SqlType.STRING)), "foo", "bar", "foo", null));
    assertEquals(
        List.of(1L, 2L, 2L, 2L),
        results(aggregator("COUNT_DISTINCT", List.of(SqlType.STRING)), "one", "two", "one", null));
    assertEquals(
        List.of(Map.of("foo", 1L), Map.of("foo", 2L)),
        results(aggregator("HISTOGRAM", List.of(SqlType.STRING)), "foo", "foo"));
  }

  @Test
  void topKKeepsTheLargest() {
    assertEquals(
        List.of(
            List.of(0),
            List.of(100, 0),
            List.of(100, 99, 0),
            List.of(100, 99, 7),
            List.of(100, 100, 99)),
        results(aggregator("TOPK", List.of(SqlType.INTEGER), 3), 0, 100, 99, 7, 100));
    assertEquals(
        List.of(100, 99, 7),
        results(aggregator("TOPKDISTINCT", List.of(SqlType.INTEGER), 3), 0, 100, 99, 7, 100)
            .get(4));
    Aggregator withColumns = aggregator("TOPK", List.of(SqlType.DOUBLE, SqlType.STRING), 3);
    Object acc = withColumns.add(withColumns.initialize(), new Object[] {1.5, "one"});
    acc = withColumns.add(acc, new Object[] {9.5, "nine"});
    assertEquals(
        "[{sort_col=9.5, col0=nine}, {sort_col=1.5, col0=one}]",
        withColumns.result(acc).toString());
  }

  @Test
  void latestAndEarliestByOffset() {
    assertEquals(
        Arrays.asList(12, 12, 13),
        results(aggregator("LATEST_BY_OFFSET", List.of(SqlType.INTEGER), true), 12, null, 13));
    assertEquals(
        Arrays.asList(12, null, 13),
        results(aggregator("LATEST_BY_OFFSET", List.of(SqlType.INTEGER), false), 12, null, 13));
    assertEquals(
        List.of(List.of(12), Arrays.asList(12, null), Arrays.asList(null, 13)),
        results(aggregator("LATEST_BY_OFFSET", List.of(SqlType.INTEGER), 2, false), 12, null, 13));
    assertEquals(
        Arrays.asList(null, 13, 13),
        results(aggregator("EARLIEST_BY_OFFSET", List.of(SqlType.INTEGER)), null, 13, 14));
    assertEquals(
        Arrays.asList(null, null),
        results(aggregator("EARLIEST_BY_OFFSET", List.of(SqlType.INTEGER), false), null, 13));
    Aggregator latest = aggregator("LATEST_BY_OFFSET", List.of(SqlType.INTEGER));
    Object older = latest.add(latest.initialize(), new Object[] {1});
    Object newer = latest.add(latest.initialize(), new Object[] {2});
    assertEquals(2, latest.result(latest.merge(newer, older)));
    assertEquals(
        1,
        REGISTRY
            .resolveAggregateCall(
                "LATEST_BY_OFFSET",
                List.of(
                    AggregateArgument.expression(SqlType.INTEGER),
                    AggregateArgument.literal(SqlType.INTEGER, 2),
                    AggregateArgument.literal(SqlType.BOOLEAN, false)))
            .parameterTypes()
            .size());
    assertEquals(
        2,
        REGISTRY
            .resolveAggregateCall(
                "TOPK",
                List.of(
                    AggregateArgument.expression(SqlType.INTEGER),
                    AggregateArgument.expression(SqlType.STRING),
                    AggregateArgument.literal(SqlType.INTEGER, 3)))
            .parameterTypes()
            .size());
  }

  @Test
  void sumListAndAttr() {
    assertEquals(
        List.of(2.0, 6.0, 922337203692.0),
        results(
            aggregator("SUM_LIST", List.of(new SqlType.Array(SqlType.DOUBLE))),
            List.of(1.0, 1.0),
            List.of(2.0, 2.0),
            Arrays.asList(922337203685.0, 1.0, null)));
    assertEquals(
        Arrays.asList("1", null, null),
        results(aggregator("ATTR", List.of(SqlType.STRING)), "1", "2", "3"));
    assertEquals(
        Arrays.asList(null, null, null),
        results(aggregator("ATTR", List.of(SqlType.STRING)), null, "2", "2"));
    Aggregator attr = aggregator("ATTR", List.of(SqlType.STRING));
    Object acc = attr.add(attr.add(attr.initialize(), new Object[] {"1"}), new Object[] {"2"});
    assertEquals("2", attr.result(attr.undo(acc, new Object[] {"1"})));
  }

  @Test
  void statistics() {
    assertEquals(50.0, results(aggregator("STDDEV_SAMP", List.of(SqlType.INTEGER)), 0, 10).get(1));
    assertEquals(
        7.0710678118654755,
        (Double) results(aggregator("STDDEV_SAMPLE", List.of(SqlType.INTEGER)), 0, 10).get(1),
        1e-12);
    List<Object> variances =
        results(aggregator("STDDEV_SAMP", List.of(SqlType.DOUBLE)), 10.0, 12.0, 13.0, 14.0, 16.0);
    assertEquals(5.0, (Double) variances.get(4), 1e-9);
    Aggregator correlation = aggregator("CORRELATION", List.of(SqlType.DOUBLE, SqlType.DOUBLE));
    Object acc = correlation.initialize();
    acc = correlation.add(acc, new Object[] {1.5, 8.0});
    assertTrue(Double.isNaN((Double) correlation.result(acc)));
    acc = correlation.add(acc, new Object[] {-1.0, -2.0});
    assertEquals(1.0, (Double) correlation.result(acc), 1e-12);
  }
}
