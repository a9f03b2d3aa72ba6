package dev.millrace.engine.testing;

import static dev.millrace.engine.testing.Plans.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.JoinType;
import dev.millrace.engine.plan.JoinWindow;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stream-stream joins on the test driver: a left stream of orders, a right stream of shipments. */
class StreamStreamJoinTest {
  private static final LogicalSchema ORDERS =
      Plans.schema(List.of(col("ID", SqlType.BIGINT)), col("ITEM", SqlType.STRING));
  private static final LogicalSchema SHIPMENTS =
      Plans.schema(List.of(col("ID", SqlType.BIGINT)), col("DEPOT", SqlType.STRING));
  private static final LogicalSchema OUT =
      Plans.schema(ORDERS.key(), col("ITEM", SqlType.STRING), col("DEPOT", SqlType.STRING));

  private final Harness harness = new Harness();

  private void start(JoinType type, JoinWindow window) {
    PlanStep left = Plans.stream("orders", ORDERS);
    PlanStep right = Plans.stream("shipments", SHIPMENTS);
    List<Column> joined = new ArrayList<>(left.schema().value());
    joined.addAll(right.schema().value());
    PlanStep join =
        new PlanStep.StreamStreamJoin(
            left, right, type, window, "0-Join-store", new LogicalSchema(ORDERS.key(), joined));
    int depot = left.schema().value().size();
    PlanStep select =
        new PlanStep.StreamSelect(
            join,
            List.of(
                new Expr.ColumnRef(0, "ITEM", SqlType.STRING),
                new Expr.ColumnRef(depot, "DEPOT", SqlType.STRING)),
            OUT);
    harness.start("CSAS_OUT_0", Plans.streamSink(select, "out"));
  }

  private void order(long id, String item, long time) {
    harness.pipe("orders", ORDERS, id, new Object[] {item}, time);
  }

  private void shipment(long id, String depot, long time) {
    harness.pipe("shipments", SHIPMENTS, id, new Object[] {depot}, time);
  }

  private List<String> output() {
    return harness.read("out", OUT);
  }

  @Test
  void anInnerJoinPairsRowsWithinTheWindowAtTheLaterTime() {
    start(JoinType.INNER, new JoinWindow(10, 10, -1));
    order(1, "ball", 100);
    shipment(1, "north", 105);
    shipment(1, "south", 111);
    shipment(2, "east", 100);
    order(1, "bat", 95);

    assertEquals(List.of("[1] -> [ball, north] @105", "[1] -> [bat, north] @105"), output());
  }

  @Test
  void beforeAndAfterBoundTheOtherSidesTimesSeparately() {
    start(JoinType.INNER, new JoinWindow(0, 20, -1));
    shipment(1, "early", 99);
    shipment(1, "on time", 100);
    shipment(1, "late", 120);
    shipment(1, "too late", 121);
    order(1, "ball", 100);

    assertEquals(List.of("[1] -> [ball, on time] @100", "[1] -> [ball, late] @120"), output());
  }

  @Test
  void rowsRepeatedWithTheSameKeyAndTimeAllJoin() {
    start(JoinType.INNER, new JoinWindow(10, 10, -1));
    order(1, "ball", 100);
    order(1, "ball", 100);
    shipment(1, "north", 100);

    assertEquals(List.of("[1] -> [ball, north] @100", "[1] -> [ball, north] @100"), output());
  }

  @Test
  void withoutGraceALeftJoinEmitsAnUnmatchedRowAtOnceAndTheMatchLater() {
    start(JoinType.LEFT, new JoinWindow(10, 10, -1));
    order(1, "ball", 100);
    shipment(1, "north", 105);
    shipment(2, "east", 106);

    assertEquals(List.of("[1] -> [ball, null] @100", "[1] -> [ball, north] @105"), output());
  }

  @Test
  void withGraceAnOuterRowWaitsUntilItsWindowClosesAndIsDroppedWhenMatched() {
    start(JoinType.OUTER, new JoinWindow(10, 10, 5));
    order(1, "ball", 100);
    shipment(2, "east", 101);
    order(1, "bat", 102);
    shipment(1, "north", 104);
    order(3, "cap", 115);
    assertEquals(List.of("[1] -> [ball, north] @104", "[1] -> [bat, north] @104"), output());

    // The window of the shipment to 2 closes once stream time passes 101 + 10 + 5.
    order(3, "cap", 116);
    assertEquals(2, output().size());
    order(3, "cap", 117);
    assertEquals(
        List.of(
            "[1] -> [ball, north] @104", "[1] -> [bat, north] @104", "[2] -> [null, east] @101"),
        output());
  }

  @Test
  void withGraceARowArrivingAfterItsWindowIsEmittedAtOnce() {
    start(JoinType.LEFT, new JoinWindow(10, 10, 5));
    order(1, "ball", 1000);
    order(2, "bat", 100);

    assertEquals(List.of("[2] -> [bat, null] @100"), output());
  }

  @Test
  void rowsOlderThanTheWindowPlusGraceAreForgotten() {
    start(JoinType.INNER, new JoinWindow(10, 10, 5));
    order(1, "ball", 100);
    order(2, "bat", 200);
    shipment(1, "north", 105);

    // The left side has seen time 200: the order at 100 is past 200 - (10 + 10 + 5).
    assertEquals(List.of(), output());
  }

  @Test
  void rowsWithoutKeyOrValueAreDropped() {
    start(JoinType.OUTER, new JoinWindow(10, 10, -1));
    harness.pipe("orders", ORDERS, null, new Object[] {"ball"}, 100);
    harness.pipe("shipments", SHIPMENTS, 1L, null, 100);
    order(1, "bat", 100);

    assertEquals(List.of("[1] -> [bat, null] @100"), output());
  }
}
