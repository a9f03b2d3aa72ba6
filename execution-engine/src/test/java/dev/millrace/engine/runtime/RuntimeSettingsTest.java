package dev.millrace.engine.runtime;

import static dev.millrace.engine.runtime.TestPlans.KAFKA_JSON;
import static dev.millrace.engine.runtime.TestPlans.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.operator.TopologyBuilder;
import dev.millrace.engine.plan.PlanStep;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings users give a query reach its runtime on a real broker: the commit interval, the
 * record cache, and producer and consumer settings.
 */
class RuntimeSettingsTest {
  private static final TopologyBuilder TOPOLOGIES =
      new TopologyBuilder(FunctionRegistry.builtIns());

  /** Longer than any test: nothing is committed before the query stops. */
  private static final Duration NEVER = Duration.ofHours(1);

  private static final List<Object[]> APPLE_PEAR_APPLE =
      List.of(
          new Object[] {1L, "apple", 1},
          new Object[] {2L, "pear", 10},
          new Object[] {3L, "apple", 2});

  /** Two of them pass {@link TestPlans#filterProject}'s filter. */
  private static final List<Object[]> ORDERS_OF_5_20_11 =
      List.of(
          new Object[] {1L, "apple", 5},
          new Object[] {2L, "pear", 20},
          new Object[] {3L, "plum", 11});

  private final TestKafkaBroker broker = TestKafkaBroker.shared();
  private final KafkaTopics topics = new KafkaTopics(broker.bootstrapServers());

  @TempDir Path stateDirectory;

  private RuntimeConfig config() {
    return RuntimeConfig.of(broker.bootstrapServers(), "settings", stateDirectory);
  }

  @Test
  void outputBecomesVisibleOnlyWhenTheCommitIntervalHasPassed() throws Exception {
    topics.create("ci_orders", 1);
    topics.create("ci_out", 1);
    topics.write("ci_orders", KAFKA_JSON, ORDERS, ORDERS_OF_5_20_11);
    PlanStep.StreamSink plan = TestPlans.filterProject("ci_orders", "ci_out");

    try (KafkaQueryRuntime runtime =
        new KafkaQueryRuntime(
            "CSAS_CI",
            TOPOLOGIES.build(plan),
            config().withCommitInterval(NEVER),
            OffsetReset.EARLIEST)) {
      runtime.start();
      awaitProcessed(runtime, 3);
      assertEquals(List.of(), topics.readCommitted("ci_out", KAFKA_JSON, plan.schema()));
      runtime.stop();
    }
    // The commit at the stop makes them visible once its transaction markers are written.
    List<String> out =
        topics.readUntil("ci_out", KAFKA_JSON, plan.schema(), rows -> rows.size() >= 2);
    assertEquals(List.of("[2] -> [pear, 40]", "[3] -> [plum, 22]"), out);
  }

  @Test
  void withARecordCacheTheUpdatesOfAKeyBetweenCommitsBecomeOneOutput() throws Exception {
    assertEquals(
        List.of("[pear] -> [1, 10]", "[apple] -> [2, 3]"),
        countsOfApplePearApple("cache", 10_000_000));
  }

  @Test
  void withoutARecordCacheEveryUpdateIsOutput() throws Exception {
    assertEquals(
        List.of("[apple] -> [1, 1]", "[pear] -> [1, 10]", "[apple] -> [2, 3]"),
        countsOfApplePearApple("nocache", 0));
  }

  /**
   * Counts apple, pear, apple by name, all between two commits: at-least-once, so that the
   * aggregation reads the repartition topic before the commit at the stop.
   */
  private List<String> countsOfApplePearApple(String name, long cacheBytes) throws Exception {
    topics.create(name + "_orders", 1);
    topics.create(name + "_out", 1);
    topics.write(name + "_orders", KAFKA_JSON, ORDERS, APPLE_PEAR_APPLE);
    PlanStep.TableSink plan = TestPlans.countByName(name + "_orders", name + "_out");
    RuntimeConfig config =
        config()
            .withGuarantee(ProcessingGuarantee.AT_LEAST_ONCE)
            .withCommitInterval(NEVER)
            .withRecordCacheBytes(cacheBytes);
    try (KafkaQueryRuntime runtime =
        new KafkaQueryRuntime(
            "CTAS_" + name, TOPOLOGIES.build(plan), config, OffsetReset.EARLIEST)) {
      runtime.start();
      // Three records read from the input, three from the repartition topic.
      awaitProcessed(runtime, 6);
      runtime.stop();
    }
    return topics.readCommitted(name + "_out", KAFKA_JSON, plan.schema());
  }

  @Test
  void aProducerSettingReachesTheProducer() throws Exception {
    topics.create("ps_orders", 1);
    topics.create("ps_out", 1);
    topics.write("ps_orders", KAFKA_JSON, ORDERS, ORDERS_OF_5_20_11);
    PlanStep.StreamSink plan = TestPlans.filterProject("ps_orders", "ps_out");
    ClientSettings tiny = new ClientSettings(Map.of("max.request.size", "10"), Map.of());

    try (KafkaQueryRuntime runtime =
        new KafkaQueryRuntime(
            "CSAS_PS",
            TOPOLOGIES.build(plan),
            config().withClientSettings(tiny),
            OffsetReset.EARLIEST)) {
      runtime.start();
      awaitState(runtime, QueryState.ERROR);
      String message = runtime.error().orElseThrow().message();
      assertTrue(message.contains("max.request.size"), message);
    }
  }

  @Test
  void aConsumerSettingReachesTheConsumer() throws Exception {
    topics.create("cs_orders", 1);
    PlanStep.StreamSink plan = TestPlans.filterProject("cs_orders", "cs_out");
    // Below the broker's group.min.session.timeout.ms (6 s): the group refuses the member.
    ClientSettings hasty =
        new ClientSettings(
            Map.of(), Map.of("session.timeout.ms", "1000", "heartbeat.interval.ms", "100"));

    try (KafkaQueryRuntime runtime =
        new KafkaQueryRuntime(
            "CSAS_CS",
            TOPOLOGIES.build(plan),
            config().withClientSettings(hasty),
            OffsetReset.EARLIEST)) {
      runtime.start();
      awaitState(runtime, QueryState.ERROR);
      String message = runtime.error().orElseThrow().message();
      assertTrue(message.contains("session timeout"), message);
    }
  }

  private static void awaitProcessed(KafkaQueryRuntime runtime, long records)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (runtime.statistics().processedRecords() < records && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(records, runtime.statistics().processedRecords());
  }

  private static void awaitState(KafkaQueryRuntime runtime, QueryState state)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (runtime.state() != state && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(state, runtime.state());
  }
}
