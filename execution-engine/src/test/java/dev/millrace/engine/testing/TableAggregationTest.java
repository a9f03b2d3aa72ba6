package dev.millrace.engine.testing;

import static dev.millrace.engine.testing.Plans.call;
import static dev.millrace.engine.testing.Plans.col;
import static dev.millrace.engine.testing.Plans.lit;
import static dev.millrace.engine.testing.Plans.op;
import static dev.millrace.engine.testing.Plans.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.operator.MaterializedTable;
import dev.millrace.engine.operator.TopologyBuilder;
import dev.millrace.engine.plan.AggregateCall;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.JoinType;
import dev.millrace.engine.plan.Operator;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.state.KeyValueStore;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GROUP BY over a table: updates and deletes of input rows retract their old contribution. */
class TableAggregationTest {
  private static final LogicalSchema USERS =
      Plans.schema(
          List.of(col("ID", SqlType.STRING)),
          col("REGION", SqlType.STRING),
          col("SCORE", SqlType.INTEGER));

  private final Harness harness = new Harness();

  /**
   * SELECT REGION, COUNT(*), SUM(SCORE), COLLECT_LIST(ID) FROM USERS GROUP BY REGION [HAVING
   * COUNT(*) > 0].
   */
  private static PlanStep.TableSink byRegion(boolean having) {
    PlanStep.TableSource source = Plans.table("users", USERS, "Source");
    PlanStep.TableGroupBy grouped = groupBy(source, "REGION");
    PlanStep aggregate =
        aggregate(
            grouped,
            List.of(
                call("COUNT", SqlType.BIGINT),
                call("SUM", SqlType.INTEGER, ref(grouped, "SCORE")),
                call("COLLECT_LIST", new SqlType.Array(SqlType.STRING), ref(grouped, "ID"))),
            "CNT",
            "TOTAL",
            "IDS");
    if (having) {
      aggregate =
          new PlanStep.TableFilter(
              aggregate,
              op(
                  Operator.GREATER_THAN,
                  SqlType.BOOLEAN,
                  ref(aggregate, "CNT"),
                  lit(0L, SqlType.BIGINT)),
              aggregate.schema());
    }
    return Plans.tableSink(aggregate, "REGIONS", Plans.KAFKA_JSON);
  }

  private static PlanStep.TableGroupBy groupBy(PlanStep source, String column) {
    Expr.ColumnRef key = ref(source, column);
    return new PlanStep.TableGroupBy(
        source,
        List.of(key),
        "q-GroupBy-repartition",
        new LogicalSchema(List.of(col(column, key.type())), source.schema().value()));
  }

  private static PlanStep.TableAggregate aggregate(
      PlanStep grouped, List<AggregateCall> calls, String... names) {
    List<Column> value = new ArrayList<>(grouped.schema().key());
    for (int i = 0; i < calls.size(); i++) {
      value.add(col(names[i], calls.get(i).type()));
    }
    return new PlanStep.TableAggregate(
        grouped, calls, "Aggregate-Materialize", new LogicalSchema(grouped.schema().key(), value));
  }

  @Test
  void anUpdateWithinAGroupUndoesTheOldRowAndAddsTheNewOneInOneUpdate() {
    PlanStep.TableSink plan = byRegion(false);
    harness.start("q", plan);

    harness.pipe("users", USERS, "alice", new Object[] {"east", 5}, 10);
    harness.pipe("users", USERS, "bob", new Object[] {"east", 7}, 20);
    harness.pipe("users", USERS, "alice", new Object[] {"east", 1}, 30);

    assertEquals(
        List.of(
            "[east] -> [east, 1, 5, [alice]] @10",
            "[east] -> [east, 2, 12, [alice, bob]] @20",
            "[east] -> [east, 2, 8, [bob, alice]] @30"),
        harness.read("REGIONS", plan.schema()));
  }

  @Test
  void aRowMovingToAnotherGroupIsRetractedFromTheOldGroupFirst() {
    PlanStep.TableSink plan = byRegion(false);
    harness.start("q", plan);

    harness.pipe("users", USERS, "alice", new Object[] {"east", 5}, 10);
    harness.pipe("users", USERS, "bob", new Object[] {"east", 7}, 20);
    harness.pipe("users", USERS, "bob", new Object[] {"west", 7}, 30);

    assertEquals(
        List.of(
            "[east] -> [east, 1, 5, [alice]] @10",
            "[east] -> [east, 2, 12, [alice, bob]] @20",
            "[east] -> [east, 1, 5, [alice]] @30",
            "[west] -> [west, 1, 7, [bob]] @30"),
        harness.read("REGIONS", plan.schema()));
  }

  @Test
  void aDeleteRetractsAndAnEmptiedGroupKeepsItsZeroCount() {
    PlanStep.TableSink plan = byRegion(false);
    harness.start("q", plan);

    harness.pipe("users", USERS, "carol", null, 5);
    harness.pipe("users", USERS, "alice", new Object[] {"east", 5}, 10);
    harness.pipe("users", USERS, "alice", null, 20);

    assertEquals(
        List.of("[east] -> [east, 1, 5, [alice]] @10", "[east] -> [east, 0, 0, []] @20"),
        harness.read("REGIONS", plan.schema()));
  }

  @Test
  void havingTurnsAnEmptiedGroupIntoADelete() {
    PlanStep.TableSink plan = byRegion(true);
    harness.start("q", plan);

    harness.pipe("users", USERS, "alice", new Object[] {"east", 5}, 10);
    harness.pipe("users", USERS, "alice", null, 20);

    assertEquals(
        List.of("[east] -> [east, 1, 5, [alice]] @10", "[east] -> null @20"),
        harness.read("REGIONS", plan.schema()));
  }

  @Test
  void aRowWithANullGroupingKeyBelongsToNoGroupUntilItGetsOne() {
    PlanStep.TableSink plan = byRegion(false);
    harness.start("q", plan);

    harness.pipe("users", USERS, "alice", new Object[] {null, 5}, 10);
    harness.pipe("users", USERS, "alice", new Object[] {"east", 5}, 20);
    harness.pipe("users", USERS, "alice", new Object[] {null, 5}, 30);

    assertEquals(
        List.of("[east] -> [east, 1, 5, [alice]] @20", "[east] -> [east, 0, 0, []] @30"),
        harness.read("REGIONS", plan.schema()));
    assertEquals(
        List.of(
            "q: PROCESSING error at users-0@0: Record dropped by GROUP BY: grouping expression 1 is null",
            "q: PROCESSING error at users-0@2: Record dropped by GROUP BY: grouping expression 1 is null"),
        harness.errors());
  }

  @Test
  void pullQueriesReadTheAggregatedTable() {
    PlanStep.TableSink plan = byRegion(false);
    harness.start("q", plan);
    harness.pipe("users", USERS, "alice", new Object[] {"east", 5}, 10);
    harness.pipe("users", USERS, "bob", new Object[] {"east", 7}, 20);

    MaterializedTable table = MaterializedTable.of(plan, FunctionRegistry.builtIns()).orElseThrow();
    KeyValueStore store = harness.driver.store("q", table.storeName());

    assertEquals(
        "[east, 2, 12, [alice, bob]]",
        Arrays.toString(table.get(store, new Object[] {"east"}).orElseThrow().value()));
  }

  @Test
  void aPlanAggregatingATableWithAnAggregateThatCannotUndoIsRefused() {
    PlanStep.TableSource source = Plans.table("users", USERS, "Source");
    PlanStep.TableGroupBy grouped = groupBy(source, "REGION");
    PlanStep.TableSink plan =
        Plans.tableSink(
            aggregate(grouped, List.of(call("MAX", SqlType.INTEGER, ref(grouped, "SCORE"))), "TOP"),
            "REGIONS",
            Plans.KAFKA_JSON);

    assertThrows(
        IllegalArgumentException.class,
        () -> new TopologyBuilder(FunctionRegistry.builtIns()).build(plan));
  }

  /**
   * SELECT CITY, COUNT(*) FROM USERS JOIN CITIES ON USERS.ID = CITIES.ID GROUP BY CITY: each change
   * of the join reaches the grouping once, whichever input it came from.
   */
  @Test
  void aGroupByAfterATableTableJoinCountsEachJoinedRowOnce() {
    LogicalSchema cities =
        Plans.schema(List.of(col("ID", SqlType.STRING)), col("CITY", SqlType.STRING));
    PlanStep.TableSource left = Plans.table("users", USERS, "Users");
    PlanStep.TableSource right = Plans.table("cities", cities, "Cities");
    List<Column> joined = new ArrayList<>(left.schema().value());
    joined.addAll(right.schema().value());
    PlanStep.TableTableJoin join =
        new PlanStep.TableTableJoin(
            left, right, JoinType.INNER, new LogicalSchema(USERS.key(), joined));
    PlanStep.TableGroupBy grouped = groupBy(join, "CITY");
    PlanStep.TableAggregate aggregate =
        aggregate(grouped, List.of(call("COUNT", SqlType.BIGINT)), "CNT");
    PlanStep.TableSink plan = Plans.tableSink(aggregate, "BY_CITY", Plans.KAFKA_JSON);
    harness.start("q", plan);

    harness.pipe("users", USERS, "alice", new Object[] {"east", 5}, 10);
    harness.pipe("cities", cities, "alice", new Object[] {"paris"}, 20);
    harness.pipe("users", USERS, "bob", new Object[] {"west", 7}, 30);
    harness.pipe("cities", cities, "bob", new Object[] {"paris"}, 40);
    harness.pipe("cities", cities, "alice", new Object[] {"rome"}, 50);
    harness.pipe("users", USERS, "bob", null, 60);

    assertEquals(
        List.of(
            "[paris] -> [paris, 1] @20",
            "[paris] -> [paris, 2] @40",
            "[paris] -> [paris, 1] @50",
            "[rome] -> [rome, 1] @50",
            "[paris] -> [paris, 0] @60"),
        harness.read("BY_CITY", plan.schema()));
  }
}
