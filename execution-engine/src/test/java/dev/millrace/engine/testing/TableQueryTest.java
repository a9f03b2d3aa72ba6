package dev.millrace.engine.testing;

import static dev.millrace.engine.testing.Plans.col;
import static dev.millrace.engine.testing.Plans.lit;
import static dev.millrace.engine.testing.Plans.op;
import static dev.millrace.engine.testing.Plans.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.JoinType;
import dev.millrace.engine.plan.Operator;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableQueryTest {
  private static final LogicalSchema USERS =
      Plans.schema(
          List.of(col("ID", SqlType.BIGINT)),
          col("NAME", SqlType.STRING),
          col("AGE", SqlType.INTEGER));
  private static final LogicalSchema ITEMS =
      Plans.schema(List.of(col("ITEM", SqlType.STRING)), col("DESCRIPTION", SqlType.STRING));
  private static final LogicalSchema ORDERS =
      Plans.schema(
          List.of(col("ID", SqlType.BIGINT)),
          col("ITEM", SqlType.STRING),
          col("QTY", SqlType.INTEGER));

  private final Harness harness = new Harness();

  @Test
  void aRowThatStopsMatchingATableFilterBecomesADelete() {
    PlanStep.TableSource users = Plans.table("users", USERS, "users-store");
    PlanStep.TableFilter adults =
        new PlanStep.TableFilter(
            users,
            op(Operator.GREATER_THAN, SqlType.BOOLEAN, ref(users, "AGE"), lit(18, SqlType.INTEGER)),
            users.schema());
    PlanStep.TableSelect projected =
        new PlanStep.TableSelect(
            adults,
            List.of(ref(adults, "NAME")),
            Plans.schema(USERS.key(), col("NAME", SqlType.STRING)));
    PlanStep.TableSink plan = Plans.tableSink(projected, "ADULTS", Plans.KAFKA_JSON);
    harness.start("CTAS_ADULTS_0", plan);

    harness.pipe("users", USERS, 1L, new Object[] {"ann", 20}, 1);
    harness.pipe("users", USERS, 1L, new Object[] {"ann", 10}, 2);
    harness.pipe("users", USERS, 1L, new Object[] {"ann", 5}, 3);
    harness.pipe("users", USERS, 2L, new Object[] {"bob", 5}, 4);
    harness.pipe("users", USERS, 2L, null, 5);
    harness.pipe("users", USERS, 1L, new Object[] {"ann", 30}, 6);
    harness.pipe("users", USERS, 1L, null, 7);

    assertEquals(
        List.of("[1] -> [ann] @1", "[1] -> null @2", "[1] -> [ann] @6", "[1] -> null @7"),
        harness.read("ADULTS", plan.schema()));
  }

  /** SELECT O.ID, O.QTY, I.DESCRIPTION FROM ORDERS O [LEFT] JOIN ITEMS I ON O.ITEM = I.ITEM. */
  private PlanStep.StreamSink orderDetails(JoinType type) {
    PlanStep.StreamSource orders = Plans.stream("orders", ORDERS);
    LogicalSchema byItem = new LogicalSchema(ITEMS.key(), orders.schema().value());
    PlanStep.StreamSelectKey rekeyed =
        new PlanStep.StreamSelectKey(
            orders, List.of(ref(orders, "ITEM")), "Join-left-repartition", byItem);
    PlanStep.TableSource items = Plans.table("items", ITEMS, "items-store");
    List<Column> joined = new ArrayList<>(rekeyed.schema().value());
    joined.addAll(items.schema().value());
    PlanStep.StreamTableJoin join =
        new PlanStep.StreamTableJoin(rekeyed, items, type, new LogicalSchema(ITEMS.key(), joined));
    List<Expr> values = List.of(ref(join, "ID"), ref(join, "QTY"), ref(join, "DESCRIPTION"));
    LogicalSchema out =
        Plans.schema(
            ITEMS.key(),
            col("ID", SqlType.BIGINT),
            col("QTY", SqlType.INTEGER),
            col("DESCRIPTION", SqlType.STRING));
    PlanStep.StreamSink plan =
        Plans.streamSink(new PlanStep.StreamSelect(join, values, out), "DETAILS");
    harness.start("CSAS_DETAILS_0", plan);
    return plan;
  }

  private void pipeOrdersAndItems() {
    harness.pipe("orders", ORDERS, 1L, new Object[] {"fig", 2}, 10);
    harness.pipe("items", ITEMS, "fig", new Object[] {"a purple fruit"}, 20);
    harness.pipe("orders", ORDERS, 2L, new Object[] {"fig", 3}, 30);
    harness.pipe("items", ITEMS, "fig", null, 40);
    harness.pipe("orders", ORDERS, 3L, new Object[] {"fig", 4}, 50);
  }

  @Test
  void leftJoinFillsNullsWhenTheTableHasNoRow() {
    PlanStep.StreamSink plan = orderDetails(JoinType.LEFT);
    pipeOrdersAndItems();

    assertEquals(
        List.of(
            "[fig] -> [1, 2, null] @10",
            "[fig] -> [2, 3, a purple fruit] @30",
            "[fig] -> [3, 4, null] @50"),
        harness.read("DETAILS", plan.schema()));
  }

  @Test
  void innerJoinDropsStreamRowsWithoutATableRow() {
    PlanStep.StreamSink plan = orderDetails(JoinType.INNER);
    pipeOrdersAndItems();

    assertEquals(
        List.of("[fig] -> [2, 3, a purple fruit] @30"), harness.read("DETAILS", plan.schema()));
  }

  @Test
  void recordsWithoutAJoinKeyOrAValueAreDroppedAndLogged() {
    PlanStep.StreamSink plan = orderDetails(JoinType.LEFT);
    harness.pipe("items", ITEMS, "fig", new Object[] {"a purple fruit"}, 1);
    harness.pipe("items", ITEMS, null, new Object[] {"no key"}, 2);
    harness.pipe("orders", ORDERS, 1L, new Object[] {null, 2}, 3);
    harness.pipe("orders", ORDERS, 2L, null, 4);
    harness.pipe("orders", ORDERS, 3L, new Object[] {"fig", 4}, 5);

    assertEquals(
        List.of("[fig] -> [3, 4, a purple fruit] @5"), harness.read("DETAILS", plan.schema()));
    assertEquals(
        List.of(
            "CSAS_DETAILS_0: PROCESSING error at items-0@1: Record dropped by the table: its key is null",
            "CSAS_DETAILS_0: PROCESSING error at Join-left-repartition-0@0: Record dropped by the join: its join key is null",
            // A tombstone passes through re-keying and the repartition topic; the join drops it.
            "CSAS_DETAILS_0: PROCESSING error at Join-left-repartition-0@1: Record dropped by the join:"
                + " it has no value (the value is null or empty)"),
        harness.errors());
  }

  @Test
  void aJoinAgainstAFilteredTableSeesOnlyMatchingRows() {
    PlanStep.StreamSource orders = Plans.stream("orders", USERS);
    PlanStep.TableSource users = Plans.table("users", USERS, "users-store");
    PlanStep.TableFilter adults =
        new PlanStep.TableFilter(
            users,
            op(Operator.GREATER_THAN, SqlType.BOOLEAN, ref(users, "AGE"), lit(18, SqlType.INTEGER)),
            users.schema());
    List<Column> joined = new ArrayList<>(orders.schema().value());
    joined.addAll(adults.schema().value());
    PlanStep.StreamTableJoin join =
        new PlanStep.StreamTableJoin(
            orders, adults, JoinType.INNER, new LogicalSchema(USERS.key(), joined));
    PlanStep.StreamSink plan = Plans.streamSink(Plans.select(join, "NAME"), "OUT");
    harness.start("q", plan);

    harness.pipe("users", USERS, 1L, new Object[] {"ann", 20}, 1);
    harness.pipe("users", USERS, 2L, new Object[] {"bob", 5}, 2);
    harness.pipe("orders", USERS, 1L, new Object[] {"order-1", 0}, 3);
    harness.pipe("orders", USERS, 2L, new Object[] {"order-2", 0}, 4);

    assertEquals(List.of("[1] -> [order-1] @3"), harness.read("OUT", plan.schema()));
  }
}
