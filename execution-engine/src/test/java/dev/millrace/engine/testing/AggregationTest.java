package dev.millrace.engine.testing;

import static dev.millrace.engine.testing.Plans.call;
import static dev.millrace.engine.testing.Plans.col;
import static dev.millrace.engine.testing.Plans.lit;
import static dev.millrace.engine.testing.Plans.op;
import static dev.millrace.engine.testing.Plans.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.operator.MaterializedTable;
import dev.millrace.engine.operator.TopologyBuilder;
import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.plan.Operator;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.state.KeyValueStore;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AggregationTest {
  private static final LogicalSchema ORDERS =
      Plans.schema(
          List.of(col("ID", SqlType.BIGINT)),
          col("NAME", SqlType.STRING),
          col("PRICE", SqlType.INTEGER));
  private static final LogicalSchema READINGS =
      Plans.schema(List.of(col("ID", SqlType.BIGINT)), col("VALUE", SqlType.BIGINT));

  private final Harness harness = new Harness();

  /** SELECT NAME, COUNT(*), SUM(PRICE) FROM ORDERS GROUP BY NAME [HAVING COUNT(*) > 1]. */
  private static PlanStep.TableSink countAndSumByName(boolean having) {
    PlanStep.StreamSource source = Plans.stream("orders", ORDERS);
    PlanStep.StreamGroupBy grouped = Plans.groupBy(source, "NAME", "Aggregate-GroupBy-repartition");
    PlanStep aggregate =
        Plans.aggregate(
            grouped,
            Optional.empty(),
            "Aggregate-Materialize",
            List.of(
                call("COUNT", SqlType.BIGINT), call("SUM", SqlType.INTEGER, ref(grouped, "PRICE"))),
            "CNT",
            "TOTAL");
    if (having) {
      aggregate =
          new PlanStep.TableFilter(
              aggregate,
              op(
                  Operator.GREATER_THAN,
                  SqlType.BOOLEAN,
                  ref(aggregate, "CNT"),
                  lit(1L, SqlType.BIGINT)),
              aggregate.schema());
    }
    return Plans.tableSink(aggregate, "TOTALS", Plans.KAFKA_JSON);
  }

  @Test
  void groupByCountsAndSumsEveryUpdate() {
    PlanStep.TableSink plan = countAndSumByName(false);
    harness.start("CTAS_TOTALS_0", plan);

    harness.pipe("orders", ORDERS, 1L, new Object[] {"apple", 5}, 10);
    harness.pipe("orders", ORDERS, 2L, new Object[] {"pear", 7}, 20);
    harness.pipe("orders", ORDERS, 3L, new Object[] {"apple", 1}, 15);
    harness.pipe("orders", ORDERS, 4L, new Object[] {null, 1}, 30);
    harness.pipe("orders", ORDERS, 5L, null, 40);

    assertEquals(
        List.of(
            "[apple] -> [apple, 1, 5] @10",
            "[pear] -> [pear, 1, 7] @20",
            "[apple] -> [apple, 2, 6] @15"),
        harness.read("TOTALS", plan.schema()));
    assertEquals(
        List.of(
            "CTAS_TOTALS_0: PROCESSING error at orders-0@3: Record dropped by GROUP BY: grouping expression 1 is null",
            "CTAS_TOTALS_0: PROCESSING error at orders-0@4: Record dropped by GROUP BY: it has no value (the value is null or empty)"),
        harness.errors());
  }

  @Test
  void havingEmitsOnlyOnceARowMatches() {
    PlanStep.TableSink plan = countAndSumByName(true);
    harness.start("q", plan);

    harness.pipe("orders", ORDERS, 1L, new Object[] {"apple", 5}, 10);
    harness.pipe("orders", ORDERS, 2L, new Object[] {"apple", 7}, 20);

    assertEquals(List.of("[apple] -> [apple, 2, 12] @20"), harness.read("TOTALS", plan.schema()));
  }

  @Test
  void aReplacedQueryKeepsItsStateAndReadsOnlyWhatCameAfter() {
    harness.start("q", countAndSumByName(false));
    harness.pipe("orders", ORDERS, 1L, new Object[] {"pear", 5}, 10);

    PlanStep.TableSink replacement = countAndSumByName(true);
    harness.driver.replaceQuery(
        "q", new TopologyBuilder(FunctionRegistry.builtIns()).build(replacement));
    harness.pipe("orders", ORDERS, 2L, new Object[] {"apple", 7}, 20);
    harness.pipe("orders", ORDERS, 3L, new Object[] {"pear", 1}, 30);

    // Before the replacement, no HAVING; after it, apple (1 order) is held back and pear counts on
    // from the state kept.
    assertEquals(
        List.of("[pear] -> [pear, 1, 5] @10", "[pear] -> [pear, 2, 6] @30"),
        harness.read("TOTALS", replacement.schema()));
  }

  @Test
  void pullQueriesReadTheAggregateThroughTheHavingFilter() {
    PlanStep.TableSink plan = countAndSumByName(true);
    harness.start("q", plan);
    harness.pipe("orders", ORDERS, 1L, new Object[] {"apple", 5}, 10);
    harness.pipe("orders", ORDERS, 2L, new Object[] {"apple", 7}, 20);
    harness.pipe("orders", ORDERS, 3L, new Object[] {"pear", 1}, 30);

    MaterializedTable table = MaterializedTable.of(plan, FunctionRegistry.builtIns()).orElseThrow();
    KeyValueStore store = harness.driver.store("q", table.storeName());

    assertEquals(
        "[apple, 2, 12]",
        Arrays.toString(table.get(store, new Object[] {"apple"}).orElseThrow().value()));
    assertTrue(table.get(store, new Object[] {"pear"}).isEmpty());
    assertTrue(table.get(store, new Object[] {"fig"}).isEmpty());
    List<String> all = new ArrayList<>();
    table.scan(store, row -> all.add(Arrays.toString(row.key())));
    assertEquals(List.of("[apple]"), all);
  }

  @Test
  void pullQueriesReadAWindowedTableByKeyAndWindowStart() {
    PlanStep.TableSink plan = maxPerWindow(WindowInfo.tumbling(10_000));
    harness.pipe("readings", READINGS, 1L, new Object[] {4L}, 1_000);
    harness.pipe("readings", READINGS, 1L, new Object[] {8L}, 12_000);
    harness.pipe("readings", READINGS, 1L, new Object[] {2L}, 25_000);
    harness.pipe("readings", READINGS, 2L, new Object[] {9L}, 25_000);

    MaterializedTable table = MaterializedTable.of(plan, FunctionRegistry.builtIns()).orElseThrow();
    KeyValueStore store = harness.driver.store("CTAS_MAXES_0", table.storeName());

    assertTrue(table.windowed());
    assertEquals(
        List.of("[1, 8, 10000, 20000] @12000", "[1, 2, 20000, 30000] @25000"),
        table.windows(store, new Object[] {1L}, 5_000, 20_000).stream()
            .map(r -> Arrays.toString(r.value()) + " @" + r.timestamp())
            .toList());
  }

  /**
   * SELECT ID, MAX(VALUE) FROM READINGS WINDOW ... GROUP BY ID (grouping by the key: no
   * repartition).
   */
  private PlanStep.TableSink maxPerWindow(WindowInfo window) {
    PlanStep.StreamSource source = Plans.stream("readings", READINGS);
    PlanStep.StreamAggregate aggregate =
        Plans.aggregate(
            source,
            Optional.of(window),
            "Aggregate-Materialize",
            List.of(call("MAX", SqlType.BIGINT, ref(source, "VALUE"))),
            "MAX");
    Formats windowed =
        new Formats(FormatInfo.of("KAFKA"), FormatInfo.of("JSON"), Optional.of(window));
    PlanStep.TableSink plan = Plans.tableSink(aggregate, "MAXES", windowed);
    harness.start("CTAS_MAXES_0", plan);
    return plan;
  }

  private List<String> readMaxes(PlanStep.TableSink plan) {
    return harness.read("MAXES", plan.formats(), plan.schema());
  }

  @Test
  void tumblingWindowsDropRecordsLaterThanTheGracePeriod() {
    PlanStep.TableSink plan =
        maxPerWindow(new WindowInfo(WindowInfo.Type.TUMBLING, 30_000, 30_000, 60_000, -1));

    long[][] input = {
      {0, 0, 0},
      {0, 1, 89_999},
      {0, 5, 10_009},
      {0, 0, 90_000},
      {0, 6, 10_010},
      {1, 100, 10_009},
      {1, 101, 30_000},
      {1, 200, 86_412_022},
      {1, 200, 60_000}
    };
    for (long[] r : input) {
      harness.pipe("readings", READINGS, r[0], new Object[] {r[1]}, r[2]);
    }

    assertEquals(
        List.of(
            "[0] [0,30000) -> [0, 0, 0, 30000] @0",
            "[0] [60000,90000) -> [0, 1, 60000, 90000] @89999",
            "[0] [0,30000) -> [0, 5, 0, 30000] @10009",
            "[0] [90000,120000) -> [0, 0, 90000, 120000] @90000",
            "[1] [30000,60000) -> [1, 101, 30000, 60000] @30000",
            "[1] [86400000,86430000) -> [1, 200, 86400000, 86430000] @86412022"),
        readMaxes(plan));
  }

  @Test
  void hoppingWindowsUpdateEveryWindowHoldingTheRecord() {
    PlanStep.TableSink plan =
        maxPerWindow(new WindowInfo(WindowInfo.Type.HOPPING, 10_000, 5_000, -1, -1));

    harness.pipe("readings", READINGS, 7L, new Object[] {3L}, 7_000);
    harness.pipe("readings", READINGS, 7L, new Object[] {9L}, 12_000);

    assertEquals(
        List.of(
            "[7] [0,10000) -> [7, 3, 0, 10000] @7000",
            "[7] [5000,15000) -> [7, 3, 5000, 15000] @7000",
            "[7] [5000,15000) -> [7, 9, 5000, 15000] @12000",
            "[7] [10000,20000) -> [7, 9, 10000, 20000] @12000"),
        readMaxes(plan));
  }

  @Test
  void sessionsMergeAndTheMergedAwaySessionsAreDeleted() {
    PlanStep.TableSink plan =
        maxPerWindow(new WindowInfo(WindowInfo.Type.SESSION, 30_000, 0, -1, -1));

    long[][] input = {{0, 0, 0}, {0, 1, 70_010}, {0, 5, 10_009}, {0, 6, 10_010}};
    for (long[] r : input) {
      harness.pipe("readings", READINGS, r[0], new Object[] {r[1]}, r[2]);
    }

    assertEquals(
        List.of(
            "[0] [0,0) -> [0, 0, 0, 0] @0",
            "[0] [70010,70010) -> [0, 1, 70010, 70010] @70010",
            "[0] [0,0) -> null @0",
            "[0] [0,10009) -> [0, 5, 0, 10009] @10009",
            "[0] [0,10009) -> null @10009",
            "[0] [0,10010) -> [0, 6, 0, 10010] @10010"),
        readMaxes(plan));
  }

  @Test
  void sessionsOlderThanGraceAndRetentionAreClosed() {
    PlanStep.TableSink plan =
        maxPerWindow(new WindowInfo(WindowInfo.Type.SESSION, 30_000, 0, 60_000, -1));

    long[][] input = {{0, 0, 0}, {0, 1, 100_010}, {0, 5, 10_009}, {0, 6, 10_010}};
    for (long[] r : input) {
      harness.pipe("readings", READINGS, r[0], new Object[] {r[1]}, r[2]);
    }

    assertEquals(
        List.of(
            "[0] [0,0) -> [0, 0, 0, 0] @0",
            "[0] [100010,100010) -> [0, 1, 100010, 100010] @100010",
            "[0] [10010,10010) -> [0, 6, 10010, 10010] @10010"),
        readMaxes(plan));
  }

  /** As {@link #maxPerWindow}, with EMIT FINAL. */
  private PlanStep.TableSink finalMaxPerWindow(WindowInfo window) {
    PlanStep.StreamSource source = Plans.stream("readings", READINGS);
    PlanStep.StreamAggregate aggregate =
        Plans.aggregate(
            source,
            Optional.of(window),
            "Aggregate-Materialize",
            List.of(call("MAX", SqlType.BIGINT, ref(source, "VALUE"))),
            "MAX");
    PlanStep.TableSuppress suppress =
        new PlanStep.TableSuppress(aggregate, "Suppress-store", aggregate.schema());
    Formats windowed =
        new Formats(FormatInfo.of("KAFKA"), FormatInfo.of("JSON"), Optional.of(window));
    PlanStep.TableSink plan = Plans.tableSink(suppress, "MAXES", windowed);
    harness.start("CTAS_MAXES_0", plan);
    return plan;
  }

  @Test
  void emitFinalWritesEachTumblingWindowOnceWhenItsGraceHasPassed() {
    PlanStep.TableSink plan =
        finalMaxPerWindow(new WindowInfo(WindowInfo.Type.TUMBLING, 10_000, 10_000, 2_000, -1));

    long[][] input = {
      {1, 4, 1_000},
      {2, 7, 3_000},
      {1, 9, 10_500}, // opens [10000,20000); [0,10000) waits for its grace
      {1, 5, 9_000}, // late but within grace: still counts
      {2, 8, 11_500},
      {1, 6, 12_000}, // stream time reaches 10000 + 2000: [0,10000) closes
      {1, 99, 1_000}, // too late: dropped
      {2, 1, 22_000} // closes [10000,20000)
    };
    for (long[] r : input) {
      harness.pipe("readings", READINGS, r[0], new Object[] {r[1]}, r[2]);
    }

    assertEquals(
        List.of(
            "[1] [0,10000) -> [1, 5, 0, 10000] @9000",
            "[2] [0,10000) -> [2, 7, 0, 10000] @3000",
            "[1] [10000,20000) -> [1, 9, 10000, 20000] @12000",
            "[2] [10000,20000) -> [2, 8, 10000, 20000] @11500"),
        readMaxes(plan));
  }

  @Test
  void emitFinalDropsAWindowThatStreamTimeLeapsPastItsRetention() {
    PlanStep.TableSink plan =
        finalMaxPerWindow(new WindowInfo(WindowInfo.Type.HOPPING, 10_000, 5_000, 0, -1));

    harness.pipe("readings", READINGS, 1L, new Object[] {3L}, 4_000);
    harness.pipe("readings", READINGS, 1L, new Object[] {5L}, 6_000);
    harness.pipe("readings", READINGS, 1L, new Object[] {7L}, 10_000);
    harness.pipe("readings", READINGS, 1L, new Object[] {1L}, 24_000);

    // At 10000 [0,10000) closes; at 24000 [5000,15000) and [10000,20000) have closed too, but
    // only the latter starts within the retention (size + grace) of the newest window's start.
    assertEquals(
        List.of(
            "[1] [0,10000) -> [1, 5, 0, 10000] @6000",
            "[1] [10000,20000) -> [1, 7, 10000, 20000] @10000"),
        readMaxes(plan));
  }

  @Test
  void emitFinalWritesASessionOnceNoRecordCanExtendIt() {
    PlanStep.TableSink plan =
        finalMaxPerWindow(new WindowInfo(WindowInfo.Type.SESSION, 5_000, 5_000, 1_000, -1));

    harness.pipe("readings", READINGS, 1L, new Object[] {3L}, 1_000);
    harness.pipe("readings", READINGS, 1L, new Object[] {8L}, 4_000);
    harness.pipe("readings", READINGS, 1L, new Object[] {2L}, 11_000); // 4000 + 5000 + 1000 < 11000
    harness.pipe("readings", READINGS, 1L, new Object[] {6L}, 12_000);

    assertEquals(List.of("[1] [1000,4000) -> [1, 8, 1000, 4000] @4000"), readMaxes(plan));
  }
}
