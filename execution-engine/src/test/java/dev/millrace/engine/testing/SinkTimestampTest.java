package dev.millrace.engine.testing;

import static dev.millrace.engine.testing.Plans.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.operator.ProcessingError;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A sink's WITH TIMESTAMP: each written record's timestamp comes from a column of its row. */
class SinkTimestampTest {
  private static final LogicalSchema EVENTS =
      Plans.schema(
          List.of(col("K", SqlType.BIGINT)), col("ID", SqlType.BIGINT), col("TS", SqlType.STRING));

  private final Harness harness = new Harness();

  private static PlanStep.StreamSink streamSink(
      PlanStep source, String column, Optional<String> format) {
    return new PlanStep.StreamSink(
        source, "OUT", Plans.KAFKA_JSON, Optional.of(column), format, source.schema());
  }

  private List<ProcessingError.Kind> loggedKinds() {
    return harness.driver.processingLog().stream().map(e -> e.error().kind()).toList();
  }

  @Test
  void aBigintValueColumnSetsTheTimestampAndNullOrNegativeOnesAreSkippedAndLogged() {
    PlanStep.StreamSink plan =
        streamSink(Plans.select(Plans.stream("events", EVENTS), "ID"), "ID", Optional.empty());
    harness.start("q", plan);

    harness.pipe("events", EVENTS, 1L, new Object[] {1L, null}, 1_000);
    harness.pipe("events", EVENTS, 2L, new Object[] {-2L, null}, 1_000);
    harness.pipe("events", EVENTS, 3L, new Object[] {null, null}, 1_000);
    harness.pipe("events", EVENTS, 4L, new Object[] {3L, null}, 1_000);

    assertEquals(List.of("[1] -> [1] @1", "[4] -> [3] @3"), harness.read("OUT", plan.schema()));
    assertEquals(
        List.of(ProcessingError.Kind.TIMESTAMP, ProcessingError.Kind.TIMESTAMP), loggedKinds());
  }

  @Test
  void aKeyColumnCanSetTheTimestamp() {
    PlanStep.StreamSink plan =
        streamSink(Plans.select(Plans.stream("events", EVENTS), "ID"), "K", Optional.empty());
    harness.start("q", plan);

    harness.pipe("events", EVENTS, 7L, new Object[] {1L, null}, 1_000);
    harness.pipe("events", EVENTS, -7L, new Object[] {2L, null}, 1_000);

    assertEquals(List.of("[7] -> [1] @7"), harness.read("OUT", plan.schema()));
    assertEquals(List.of(ProcessingError.Kind.TIMESTAMP), loggedKinds());
  }

  @Test
  void aStringColumnIsParsedWithTheFormatAndUnparseableOnesAreSkipped() {
    PlanStep.StreamSink plan =
        streamSink(
            Plans.select(Plans.stream("events", EVENTS), "ID", "TS"),
            "TS",
            Optional.of("yyyy-MM-dd'T'HH:mm:ssX"));
    harness.start("q", plan);

    harness.pipe("events", EVENTS, 1L, new Object[] {1L, "2018-05-11T21:58:33Z"}, 10);
    harness.pipe("events", EVENTS, 2L, new Object[] {2L, "not a timestamp"}, 10);

    assertEquals(
        List.of("[1] -> [1, 2018-05-11T21:58:33Z] @1526075913000"),
        harness.read("OUT", plan.schema()));
    assertEquals(List.of(ProcessingError.Kind.TIMESTAMP), loggedKinds());
  }

  @Test
  void aTableSinkTakesItsUpdatesTimesFromTheColumnAndDeletesKeepTheirOwn() {
    PlanStep.TableSource table = Plans.table("events", EVENTS, "events-store");
    PlanStep.TableSelect ids =
        new PlanStep.TableSelect(
            table,
            List.of(Plans.ref(table, "ID")),
            Plans.schema(EVENTS.key(), col("ID", SqlType.BIGINT)));
    PlanStep.TableSink plan =
        new PlanStep.TableSink(
            ids, "OUT", Plans.KAFKA_JSON, Optional.of("ID"), Optional.empty(), ids.schema());
    harness.start("q", plan);

    harness.pipe("events", EVENTS, 1L, new Object[] {5L, null}, 1_000);
    harness.pipe("events", EVENTS, 1L, new Object[] {-2L, null}, 2_000);
    harness.pipe("events", EVENTS, 1L, null, 3_000);

    assertEquals(List.of("[1] -> [5] @5", "[1] -> null @3000"), harness.read("OUT", plan.schema()));
    assertEquals(List.of(ProcessingError.Kind.TIMESTAMP), loggedKinds());
  }

  @Test
  void withoutATimestampColumnRecordsKeepTheirRowsTime() {
    PlanStep.StreamSink plan =
        Plans.streamSink(Plans.select(Plans.stream("events", EVENTS), "ID"), "OUT");
    harness.start("q", plan);

    harness.pipe("events", EVENTS, 1L, new Object[] {-2L, null}, 1_000);

    assertEquals(List.of("[1] -> [-2] @1000"), harness.read("OUT", plan.schema()));
  }
}
