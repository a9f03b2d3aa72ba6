package dev.millrace.engine.testing;

import static dev.millrace.engine.testing.Plans.call;
import static dev.millrace.engine.testing.Plans.col;
import static dev.millrace.engine.testing.Plans.lit;
import static dev.millrace.engine.testing.Plans.op;
import static dev.millrace.engine.testing.Plans.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.operator.PlanSteps;
import dev.millrace.engine.operator.StepCounts;
import dev.millrace.engine.plan.Operator;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the operators count per plan step, as rows pass, are skipped and fail. */
class StepCountsTest {
  private static final LogicalSchema ORDERS =
      Plans.schema(
          List.of(col("ID", SqlType.BIGINT)),
          col("NAME", SqlType.STRING),
          col("PRICE", SqlType.INTEGER));

  private final Harness harness = new Harness();

  @Test
  void eachStepCountsItsRowsInAndOutAndItsErrors() {
    PlanStep.StreamSource source = Plans.stream("orders", ORDERS);
    PlanStep.StreamFilter filter =
        new PlanStep.StreamFilter(
            source,
            op(
                Operator.GREATER_THAN,
                SqlType.BOOLEAN,
                ref(source, "PRICE"),
                lit(10, SqlType.INTEGER)),
            source.schema());
    PlanStep.StreamSink plan = Plans.streamSink(Plans.select(filter, "NAME"), "OUT");
    assertEquals(
        List.of("StreamSink", "StreamSelect", "StreamFilter", "StreamSource"), names(plan));
    harness.start("q", plan);

    harness.driver.pipeInput(
        "orders", new byte[8], "{not json".getBytes(StandardCharsets.UTF_8), 1);
    harness.pipe("orders", ORDERS, 1L, new Object[] {"apple", 5}, 2);
    harness.pipe("orders", ORDERS, 2L, new Object[] {"pear", 20}, 3);
    harness.pipe("orders", ORDERS, 3L, null, 4);

    assertEquals(
        List.of(
            new StepCounts(1, 1, 0), // sink: wrote pear
            new StepCounts(1, 1, 0), // select
            new StepCounts(3, 1, 1), // filter: apple dropped, the null value logged
            new StepCounts(4, 3, 1)), // source: the unreadable record logged
        harness.driver.stepCounts("q"));
  }

  @Test
  void rowsThatCrossARepartitionTopicCountOnceAsTheRekeyingStepsOutput() {
    PlanStep.StreamSource source = Plans.stream("orders", ORDERS);
    PlanStep.StreamGroupBy grouped = Plans.groupBy(source, "NAME", "GroupBy-repartition");
    PlanStep aggregate =
        Plans.aggregate(
            grouped,
            Optional.empty(),
            "Aggregate-Materialize",
            List.of(call("COUNT", SqlType.BIGINT)),
            "CNT");
    PlanStep.TableSink plan = Plans.tableSink(aggregate, "COUNTS", Plans.KAFKA_JSON);
    harness.start("q", plan);

    harness.pipe("orders", ORDERS, 1L, new Object[] {"apple", 5}, 10);
    harness.pipe("orders", ORDERS, 2L, new Object[] {"pear", 7}, 20);
    harness.pipe("orders", ORDERS, 3L, new Object[] {"apple", 1}, 30);
    harness.pipe("orders", ORDERS, 4L, new Object[] {null, 1}, 40);

    assertEquals(
        List.of(
            new StepCounts(3, 3, 0), // sink
            new StepCounts(3, 3, 0), // aggregate: an update per row
            new StepCounts(4, 3, 1), // group by: the null key dropped and logged
            new StepCounts(4, 4, 0)), // source
        harness.driver.stepCounts("q"));
  }

  private static List<String> names(PlanStep plan) {
    return PlanSteps.preOrder(plan).stream().map(s -> s.getClass().getSimpleName()).toList();
  }
}
