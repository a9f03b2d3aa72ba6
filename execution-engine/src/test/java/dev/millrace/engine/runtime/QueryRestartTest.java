package dev.millrace.engine.runtime;

import static dev.millrace.engine.runtime.TestPlans.KAFKA_JSON;
import static dev.millrace.engine.runtime.TestPlans.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.operator.TopologyBuilder;
import dev.millrace.engine.plan.PlanStep;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query whose output cannot be written goes to ERROR with the reason. While the cause is one a
 * retry may cure (its sink topic is missing: Kafka times out waiting for it to appear), the query
 * restarts by itself with backoff, and carries on once the topic is back; when it is not (a record
 * larger than the topic accepts), the query stays stopped. Both failures are real broker answers;
 * the broker has automatic topic creation off, as production clusters usually do.
 */
class QueryRestartTest {
  private static final TopologyBuilder TOPOLOGIES =
      new TopologyBuilder(FunctionRegistry.builtIns());
  private static final RestartBackoff FAST =
      new RestartBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));

  private static TestKafkaBroker broker;
  private static KafkaTopics topics;

  @TempDir Path stateDirectory;

  @BeforeAll
  static void startBroker() {
    broker = TestKafkaBroker.start(Map.of("auto.create.topics.enable", "false"));
    topics = new KafkaTopics(broker.bootstrapServers());
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  /** Producers give a write up after seconds instead of Kafka's minutes. */
  private RuntimeConfig config() {
    return RuntimeConfig.of(broker.bootstrapServers(), "restart_test", stateDirectory)
        .withClientProperties(
            Map.of("max.block.ms", 5000, "delivery.timeout.ms", 5000, "request.timeout.ms", 3000));
  }

  @Test
  void aSystemErrorRestartsTheQueryUntilTheCauseIsGone() throws Exception {
    topics.create("rs_orders", 1);
    topics.write("rs_orders", KAFKA_JSON, ORDERS, List.<Object[]>of(new Object[] {2L, "pear", 20}));
    PlanStep.StreamSink plan = TestPlans.filterProject("rs_orders", "rs_out");

    try (KafkaQueryRuntime runtime =
        new KafkaQueryRuntime(
            "CSAS_RS_1", TOPOLOGIES.build(plan), config(), OffsetReset.EARLIEST, FAST)) {
      runtime.start();
      await(() -> runtime.errors().size() >= 2, "the query failed, restarted and failed again");
      QueryError first = runtime.errors().get(0);
      assertEquals(QueryError.Type.SYSTEM, first.type(), first.message());
      assertTrue(first.message().contains("rs_out"), first.message());

      topics.create("rs_out", 1);

      List<String> out =
          topics.readUntil("rs_out", KAFKA_JSON, plan.schema(), rows -> !rows.isEmpty());
      assertEquals(List.of("[2] -> [pear, 40]"), out);
      assertEquals(QueryState.RUNNING, runtime.state());
      assertFalse(runtime.restartPending());
      assertTrue(runtime.error().isEmpty(), "a running query has no current error");
      assertEquals(first, runtime.errors().get(0), "past errors are kept");
    }
  }

  @Test
  void aUserErrorLeavesTheQueryStopped() throws Exception {
    topics.create("ru_orders", 1);
    topics.create("ru_out", 1, Map.of("max.message.bytes", "10"));
    topics.write("ru_orders", KAFKA_JSON, ORDERS, List.<Object[]>of(new Object[] {2L, "pear", 20}));
    PlanStep.StreamSink plan = TestPlans.filterProject("ru_orders", "ru_out");

    try (KafkaQueryRuntime runtime =
        new KafkaQueryRuntime(
            "CSAS_RU_1", TOPOLOGIES.build(plan), config(), OffsetReset.EARLIEST, FAST)) {
      runtime.start();
      await(() -> runtime.state() == QueryState.ERROR, "the query failed");
      QueryError error = runtime.error().orElseThrow();
      assertEquals(QueryError.Type.USER, error.type(), error.message());
      assertFalse(runtime.restartPending());
      assertEquals(List.of(error), runtime.errors());
      assertEquals(QueryState.ERROR, runtime.state());
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "waited 60 s for: " + what);
      Thread.sleep(50);
    }
  }
}
