package dev.millrace.engine.testing;

import static dev.millrace.engine.testing.Plans.col;
import static dev.millrace.engine.testing.Plans.lit;
import static dev.millrace.engine.testing.Plans.op;
import static dev.millrace.engine.testing.Plans.ref;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.operator.ProcessingError;
import dev.millrace.engine.operator.TopologyBuilder;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.plan.Operator;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.plan.SourceColumns;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatelessQueryTest {
  private static final LogicalSchema ORDERS =
      Plans.schema(
          List.of(col("ID", SqlType.BIGINT)),
          col("NAME", SqlType.STRING),
          col("PRICE", SqlType.INTEGER));

  private final Harness harness = new Harness();

  /**
   * SELECT NAME, PRICE * 2 AS DOUBLED, ROWTIME AS RT, ROWOFFSET AS RO FROM ORDERS WHERE PRICE > 10.
   */
  private static PlanStep.StreamSink filterProject(String input, String output) {
    PlanStep.StreamSource source = Plans.stream(input, ORDERS);
    PlanStep.StreamFilter filter =
        new PlanStep.StreamFilter(
            source,
            op(
                Operator.GREATER_THAN,
                SqlType.BOOLEAN,
                ref(source, "PRICE"),
                lit(10, SqlType.INTEGER)),
            source.schema());
    List<Expr> values =
        List.of(
            ref(filter, "NAME"),
            op(Operator.MULTIPLY, SqlType.INTEGER, ref(filter, "PRICE"), lit(2, SqlType.INTEGER)),
            ref(filter, "ROWTIME"),
            ref(filter, "ROWOFFSET"));
    LogicalSchema out =
        Plans.schema(
            ORDERS.key(),
            col("NAME", SqlType.STRING),
            col("DOUBLED", SqlType.INTEGER),
            col("RT", SqlType.BIGINT),
            col("RO", SqlType.BIGINT));
    return Plans.streamSink(new PlanStep.StreamSelect(filter, values, out), output);
  }

  @Test
  void filtersAndProjectsRecordByRecord() {
    PlanStep.StreamSink plan = filterProject("orders", "OUT");
    harness.start("CSAS_OUT_0", plan);

    harness.pipe("orders", ORDERS, 1L, new Object[] {"apple", 5}, 100);
    harness.pipe("orders", ORDERS, 2L, new Object[] {"pear", 20}, 200);
    harness.pipe("orders", ORDERS, 3L, new Object[] {"fig", null}, 300);
    harness.pipe("orders", ORDERS, 4L, new Object[] {"plum", 11}, 150);

    assertEquals(
        List.of("[2] -> [pear, 40, 200, 1] @200", "[4] -> [plum, 22, 150, 3] @150"),
        harness.read("OUT", plan.schema()));
  }

  @Test
  void aNullValuePassesAProjectionAsANullValueButNotAFilterWhichLogsIt() {
    PlanStep.StreamSource source = Plans.stream("orders", ORDERS);
    PlanStep.StreamSink projected = Plans.streamSink(Plans.select(source, "NAME"), "PROJECTED");
    harness.start("CSAS_PROJECTED_0", projected);
    PlanStep.StreamSink filtered = filterProject("orders", "FILTERED");
    harness.start("CSAS_FILTERED_1", filtered);

    harness.pipe("orders", ORDERS, 1L, null, 100);
    harness.pipe("orders", ORDERS, 2L, new Object[] {"pear", 20}, 200);

    assertEquals(
        List.of("[1] -> null @100", "[2] -> [pear] @200"),
        harness.read("PROJECTED", projected.schema()));
    assertEquals(
        List.of("[2] -> [pear, 40, 200, 1] @200"), harness.read("FILTERED", filtered.schema()));
    assertEquals(
        List.of(
            "CSAS_FILTERED_1: PROCESSING error at orders-0@0: Record dropped by WHERE: it has no value"
                + " (the value is null or empty)"),
        harness.errors());
  }

  @Test
  void aRecordThatCannotBeReadIsLoggedAndTheQueryGoesOn() {
    PlanStep.StreamSink plan = filterProject("orders", "OUT");
    harness.start("CSAS_OUT_0", plan);

    harness.driver.pipeInput(
        "orders", new byte[8], "{not json".getBytes(StandardCharsets.UTF_8), 10);
    harness.pipe("orders", ORDERS, 2L, new Object[] {"pear", 20}, 20);

    assertEquals(List.of("[2] -> [pear, 40, 20, 1] @20"), harness.read("OUT", plan.schema()));
    List<String> errors = harness.errors();
    assertEquals(1, errors.size());
    assertTrue(
        errors.get(0).startsWith("CSAS_OUT_0: DESERIALIZATION error at orders-0@0: "),
        errors.get(0));
  }

  @Test
  void anExpressionThatFailsGivesNullAndIsLogged() {
    PlanStep.StreamSource source = Plans.stream("orders", ORDERS);
    Expr ratio =
        op(Operator.DIVIDE, SqlType.INTEGER, lit(100, SqlType.INTEGER), ref(source, "PRICE"));
    LogicalSchema out = Plans.schema(ORDERS.key(), col("RATIO", SqlType.INTEGER));
    PlanStep.StreamSink plan =
        Plans.streamSink(new PlanStep.StreamSelect(source, List.of(ratio), out), "OUT");
    harness.start("q", plan);

    harness.pipe("orders", ORDERS, 1L, new Object[] {"zero", 0}, 1);
    harness.pipe("orders", ORDERS, 2L, new Object[] {"four", 4}, 2);

    assertEquals(List.of("[1] -> [null] @1", "[2] -> [25] @2"), harness.read("OUT", out));
    assertEquals(1, harness.errors().size());
    assertTrue(
        harness
            .errors()
            .get(0)
            .startsWith("q: EVALUATION error at orders-0@0: Error computing column RATIO"),
        harness.errors().get(0));
  }

  @Test
  void aQueryReadsAnotherQuerysOutputAndRecordsWrittenBeforeItStarted() {
    harness.pipe("orders", ORDERS, 1L, new Object[] {"early", 50}, 1);
    PlanStep.StreamSink first = filterProject("orders", "FIRST");
    harness.start("CSAS_FIRST_0", first);
    LogicalSchema firstStored = first.schema();
    PlanStep.StreamSource second = Plans.stream("FIRST", firstStored);
    PlanStep.StreamSink plan =
        Plans.streamSink(Plans.select(second, "NAME", "ROWOFFSET"), "SECOND");
    harness.start("CSAS_SECOND_1", plan);

    harness.pipe("orders", ORDERS, 2L, new Object[] {"late", 60}, 2);

    assertEquals(
        List.of("[1] -> [early, 0] @1", "[2] -> [late, 1] @2"),
        harness.read("SECOND", plan.schema()));
  }

  @Test
  void partitionByRekeysThroughARepartitionTopic() {
    PlanStep.StreamSource source = Plans.stream("orders", ORDERS);
    Expr name = ref(source, "NAME");
    LogicalSchema rekeyed =
        new LogicalSchema(List.of(col("NAME", SqlType.STRING)), source.schema().value());
    PlanStep.StreamSelectKey selectKey =
        new PlanStep.StreamSelectKey(source, List.of(name), "PartitionBy-repartition", rekeyed);
    PlanStep.StreamSink plan = Plans.streamSink(Plans.select(selectKey, "ID", "PRICE"), "BY_NAME");
    harness.start("CSAS_BY_NAME_0", plan);

    harness.pipe("orders", ORDERS, 1L, new Object[] {"apple", 5}, 10);
    harness.pipe("orders", ORDERS, 2L, new Object[] {null, 6}, 20);

    assertEquals(
        List.of("[apple] -> [1, 5] @10", "[null] -> [2, 6] @20"),
        harness.read("BY_NAME", plan.schema()));
    assertEquals(2, harness.driver.records("CSAS_BY_NAME_0-PartitionBy-repartition").size());
  }

  @Test
  void aTombstoneIsRekeyedFromItsOldKeyAloneAndKeepsItsNullValue() {
    PlanStep.StreamSource source = Plans.stream("orders", ORDERS);
    Expr idPlusOne = op(Operator.ADD, SqlType.BIGINT, ref(source, "ID"), lit(1L, SqlType.BIGINT));
    Expr nameIsNull = op(Operator.IS_NULL, SqlType.BOOLEAN, ref(source, "NAME"));
    LogicalSchema rekeyed =
        new LogicalSchema(
            List.of(
                col("NEXT", SqlType.BIGINT),
                col("NAME", SqlType.STRING),
                col("NO_NAME", SqlType.BOOLEAN),
                col("ONE", SqlType.INTEGER)),
            source.schema().value());
    PlanStep.StreamSelectKey selectKey =
        new PlanStep.StreamSelectKey(
            source,
            List.of(idPlusOne, ref(source, "NAME"), nameIsNull, lit(1, SqlType.INTEGER)),
            "PartitionBy-repartition",
            rekeyed);
    PlanStep.StreamSelect price = Plans.select(selectKey, "PRICE");
    Formats json = new Formats(FormatInfo.of("JSON"), FormatInfo.of("JSON"), Optional.empty());
    PlanStep.StreamSink plan = new PlanStep.StreamSink(price, "REKEYED", json, price.schema());
    harness.start("CSAS_REKEYED_0", plan);

    harness.pipe("orders", ORDERS, 1L, new Object[] {"apple", 5}, 10);
    harness.pipe("orders", ORDERS, 2L, null, 20);

    // Expressions of the old key (and literals) are computed; value columns are unknown, so null.
    assertEquals(
        List.of("[2, apple, false, 1] -> [5] @10", "[3, null, null, 1] -> null @20"),
        harness.read("REKEYED", json, plan.schema()));
    assertEquals(List.of(), harness.errors());
  }

  @Test
  void partitionByWithoutARepartitionTopicRekeysInPlace() {
    PlanStep.StreamSource source = Plans.stream("orders", ORDERS);
    LogicalSchema rekeyed =
        new LogicalSchema(List.of(col("NAME", SqlType.STRING)), source.schema().value());
    PlanStep.StreamSelectKey selectKey =
        new PlanStep.StreamSelectKey(source, List.of(ref(source, "NAME")), "", rekeyed);
    PlanStep.StreamSink plan = Plans.streamSink(Plans.select(selectKey, "ID", "PRICE"), "BY_NAME");
    harness.start("CSAS_BY_NAME_0", plan);

    harness.pipe("orders", ORDERS, 1L, new Object[] {"apple", 5}, 10);

    assertEquals(List.of("[apple] -> [1, 5] @10"), harness.read("BY_NAME", plan.schema()));
    assertEquals(
        List.of(),
        new TopologyBuilder(FunctionRegistry.builtIns()).build(plan).repartitionTopics());
  }

  @Test
  void theTopologySplitsAtTheRepartitionTopic() {
    PlanStep.StreamSource source = Plans.stream("orders", ORDERS);
    LogicalSchema rekeyed =
        new LogicalSchema(List.of(col("NAME", SqlType.STRING)), source.schema().value());
    PlanStep plan =
        Plans.streamSink(
            new PlanStep.StreamSelectKey(source, List.of(ref(source, "NAME")), "rekey", rekeyed),
            "OUT");

    var topology = new TopologyBuilder(FunctionRegistry.builtIns()).build(plan);

    assertEquals(2, topology.subTopologies().size());
    assertEquals(List.of("orders"), topology.sourceTopics());
    assertEquals(List.of("rekey"), topology.repartitionTopics());
    assertEquals(List.of("OUT"), topology.sinkTopics());
    assertEquals(List.of("rekey"), topology.subTopologies().get(0).inputTopics());
    assertEquals(List.of("orders"), topology.subTopologies().get(1).inputTopics());
  }

  @Test
  void theEventTimeComesFromAStringColumnAndRecordsWithoutOneAreSkipped() {
    LogicalSchema stored =
        Plans.schema(
            List.of(col("K", SqlType.STRING)),
            col("ID", SqlType.BIGINT),
            col("TS", SqlType.STRING));
    PlanStep.StreamSource source =
        new PlanStep.StreamSource(
            "events",
            Plans.KAFKA_JSON,
            stored,
            Optional.of("TS"),
            Optional.of("yy-MM-dd HH:mm:ssX"),
            SourceColumns.withPseudoColumns(stored, false));
    PlanStep.StreamSink plan = Plans.streamSink(Plans.select(source, "ID", "ROWTIME"), "TIMED");
    harness.start("q", plan);

    harness.pipe("events", stored, "a", new Object[] {1L, "10-04-19 12:00:17Z"}, 5);
    harness.pipe("events", stored, "b", new Object[] {2L, "!!!!!!!!!!!!!!!!!"}, 6);
    harness.pipe("events", stored, "c", new Object[] {3L, null}, 7);

    assertEquals(
        List.of("[a] -> [1, 1271678417000] @1271678417000"), harness.read("TIMED", plan.schema()));
    assertEquals(
        List.of(ProcessingError.Kind.TIMESTAMP, ProcessingError.Kind.TIMESTAMP),
        harness.driver.processingLog().stream().map(e -> e.error().kind()).toList());
  }

  @Test
  void aQueryWritingItsOwnInputFailsInsteadOfHanging() {
    PlanStep.StreamSource source = Plans.stream("loop", ORDERS);
    harness.start("q", Plans.streamSink(Plans.select(source, "NAME", "PRICE"), "loop"));

    IllegalStateException error =
        assertThrows(
            IllegalStateException.class,
            () -> harness.pipe("loop", ORDERS, 1L, new Object[] {"again", 1}, 1));
    assertTrue(
        error.getMessage().endsWith("a query's output feeds back into its own input"),
        error.getMessage());
  }

  @Test
  void theSameInputGivesByteIdenticalOutput() {
    List<List<byte[]>> runs = new java.util.ArrayList<>();
    for (int run = 0; run < 2; run++) {
      Harness fresh = new Harness();
      fresh.start("q", filterProject("orders", "OUT"));
      for (int i = 0; i < 20; i++) {
        fresh.pipe("orders", ORDERS, (long) i % 3, new Object[] {"n" + i, i * 3}, i * 7L);
      }
      runs.add(fresh.driver.records("OUT").stream().map(TestRecord::value).toList());
    }
    assertEquals(runs.get(0).size(), runs.get(1).size());
    for (int i = 0; i < runs.get(0).size(); i++) {
      assertArrayEquals(runs.get(0).get(i), runs.get(1).get(i));
    }
  }
}
