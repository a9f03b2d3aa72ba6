package dev.millrace.engine.runtime;

import static dev.millrace.engine.runtime.TestPlans.KAFKA_JSON;
import static dev.millrace.engine.runtime.TestPlans.ORDERS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.operator.TopologyBuilder;
import dev.millrace.engine.plan.PlanStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Persistent queries on a real broker, with RocksDB state, through stops, restarts and lost state.
 */
class KafkaQueryRuntimeTest {
  private static final TopologyBuilder TOPOLOGIES =
      new TopologyBuilder(FunctionRegistry.builtIns());

  private final TestKafkaBroker broker = TestKafkaBroker.shared();
  private final KafkaTopics topics = new KafkaTopics(broker.bootstrapServers());

  @TempDir Path stateDirectory;

  private RuntimeConfig config() {
    return RuntimeConfig.of(broker.bootstrapServers(), "test", stateDirectory);
  }

  private KafkaQueryRuntime start(String queryId, PlanStep plan) {
    KafkaQueryRuntime runtime =
        new KafkaQueryRuntime(queryId, TOPOLOGIES.build(plan), config(), OffsetReset.EARLIEST);
    runtime.start();
    assertEquals(QueryState.RUNNING, runtime.state());
    return runtime;
  }

  @ParameterizedTest
  @EnumSource(ProcessingGuarantee.class)
  void filtersAndProjectsThroughKafka(ProcessingGuarantee guarantee) throws Exception {
    String input = "fp_orders_" + guarantee;
    String output = "fp_out_" + guarantee;
    topics.create(input, 2);
    topics.write(
        input,
        KAFKA_JSON,
        ORDERS,
        List.of(
            new Object[] {1L, "apple", 5},
            new Object[] {2L, "pear", 20},
            new Object[] {3L, "plum", 11}));
    PlanStep.StreamSink plan = TestPlans.filterProject(input, output);
    topics.create(output, 2);

    try (KafkaQueryRuntime runtime =
        new KafkaQueryRuntime(
            "CSAS_FP_" + guarantee,
            TOPOLOGIES.build(plan),
            config().withGuarantee(guarantee),
            OffsetReset.EARLIEST)) {
      runtime.start();
      List<String> out =
          topics.readUntil(output, KAFKA_JSON, plan.schema(), rows -> rows.size() >= 2);
      assertEquals(Map.of("[2]", "[pear, 40]", "[3]", "[plum, 22]"), KafkaTopics.latestByKey(out));
      assertEquals(QueryState.RUNNING, runtime.state());
      QueryStatistics statistics = runtime.statistics();
      assertEquals(3, statistics.processedRecords());
      assertEquals(2, statistics.outputRecords(), "the apple was filtered out");
      assertEquals(0, statistics.consumerLag(), "everything was fetched");
    }
  }

  @Test
  void aMissingSourceTopicFailsTheStartWithItsName() {
    KafkaQueryRuntime runtime =
        new KafkaQueryRuntime(
            "CSAS_MISSING_1",
            TOPOLOGIES.build(TestPlans.filterProject("no_such_topic", "missing_out")),
            config(),
            OffsetReset.EARLIEST);
    QueryStartException e = assertThrows(QueryStartException.class, runtime::start);
    assertEquals("topic no_such_topic does not exist", e.getMessage());
    assertEquals(QueryState.ERROR, runtime.state());
    assertEquals("topic no_such_topic does not exist", runtime.error().orElseThrow().message());
  }

  @Test
  void coPartitionedStreamAndTableShareATask() throws Exception {
    topics.create("join_orders", 2);
    topics.create("join_users", 2);
    topics.create("join_out", 2);
    topics.write(
        "join_users",
        KAFKA_JSON,
        TestPlans.USERS,
        List.of(new Object[] {1L, "ann"}, new Object[] {2L, "bob"}));
    topics.write(
        "join_orders",
        KAFKA_JSON,
        ORDERS,
        List.of(
            new Object[] {1L, "fig", 1},
            new Object[] {2L, "kiwi", 1},
            new Object[] {3L, "plum", 1}));
    PlanStep.StreamSink plan = TestPlans.ordersWithUsers("join_orders", "join_users", "join_out");

    KafkaQueryRuntime stopped;
    try (KafkaQueryRuntime runtime = start("CSAS_JOIN_1", plan)) {
      stopped = runtime;
      List<String> out =
          topics.readUntil("join_out", KAFKA_JSON, plan.schema(), rows -> rows.size() >= 2);
      assertEquals(
          List.of("[1] -> [fig, ann]", "[2] -> [kiwi, bob]"), out.stream().sorted().toList());
      // One task per partition, holding the table's store: 0_0 and 0_1, both restored here.
      LocalStores local = runtime.localStores("users-store");
      assertEquals(2, local.stores().size());
      assertTrue(local.complete());
    }
    // Stopped, its tasks are closed: nothing is readable here any more.
    assertEquals(List.of(), stopped.localStores("users-store").stores());
    assertFalse(stopped.localStores("users-store").complete());
  }

  @Test
  void anAggregateKeepsExactCountsAcrossARestart() throws Exception {
    topics.create("agg_orders", 2);
    PlanStep.TableSink plan = TestPlans.countByName("agg_orders", "agg_out");
    topics.create("agg_out", 2);
    topics.write(
        "agg_orders",
        KAFKA_JSON,
        ORDERS,
        List.of(
            new Object[] {1L, "apple", 1},
            new Object[] {2L, "pear", 10},
            new Object[] {3L, "apple", 2}));

    try (KafkaQueryRuntime runtime = start("CTAS_AGG_1", plan)) {
      awaitLatest("agg_out", plan, Map.of("[apple]", "[2, 3]", "[pear]", "[1, 10]"));
    }
    topics.write(
        "agg_orders",
        KAFKA_JSON,
        ORDERS,
        List.of(new Object[] {4L, "apple", 4}, new Object[] {5L, "fig", 7}));
    try (KafkaQueryRuntime runtime = start("CTAS_AGG_1", plan)) {
      awaitLatest(
          "agg_out", plan, Map.of("[apple]", "[3, 7]", "[pear]", "[1, 10]", "[fig]", "[1, 7]"));
    }
  }

  @Test
  void aTableAggregationRetractsUpdatedAndDeletedRowsThroughTheRepartitionTopic() throws Exception {
    topics.create("tagg_orders", 1);
    topics.create("tagg_out", 1);
    PlanStep.TableSink plan = TestPlans.countByNameOfTable("tagg_orders", "tagg_out");
    topics.write(
        "tagg_orders",
        KAFKA_JSON,
        ORDERS,
        List.of(
            new Object[] {1L, "apple", 5},
            new Object[] {2L, "apple", 7},
            new Object[] {1L, "pear", 5}));
    topics.delete("tagg_orders", KAFKA_JSON, ORDERS, 2L);

    try (KafkaQueryRuntime runtime = start("CTAS_TAGG_1", plan)) {
      List<String> out =
          topics.readUntil("tagg_out", KAFKA_JSON, plan.schema(), rows -> rows.size() >= 5);
      assertEquals(
          List.of(
              "[apple] -> [1, 5]",
              "[apple] -> [2, 12]",
              "[apple] -> [1, 7]",
              "[pear] -> [1, 5]",
              "[apple] -> null"),
          out);
    }
  }

  @Test
  void afterACrashTheOpenTransactionIsAbortedAndTheAggregateStaysExact() throws Exception {
    topics.create("crash_orders", 1);
    PlanStep.TableSink plan = TestPlans.countByName("crash_orders", "crash_out");
    topics.create("crash_out", 1);
    topics.write(
        "crash_orders",
        KAFKA_JSON,
        ORDERS,
        List.of(
            new Object[] {1L, "apple", 1},
            new Object[] {2L, "apple", 2},
            new Object[] {3L, "kiwi", 5}));
    try (KafkaQueryRuntime crashing =
        new KafkaQueryRuntime(
            "CTAS_CRASH_1",
            TOPOLOGIES.build(plan),
            config().withCommitInterval(Duration.ofHours(1)),
            OffsetReset.EARLIEST)) {
      crashing.start();
      // The re-keyed records reach the repartition topic inside a transaction that never commits.
      String repartition = "_millrace-test-query-CTAS_CRASH_1-GroupBy-repartition";
      topics.readRawUntil(repartition, "read_uncommitted", r -> "seen", rows -> rows.size() == 3);
      crashing.crash();
    }

    topics.write(
        "crash_orders", KAFKA_JSON, ORDERS, List.<Object[]>of(new Object[] {4L, "apple", 4}));
    try (KafkaQueryRuntime runtime = start("CTAS_CRASH_1", plan)) {
      awaitLatest("crash_out", plan, Map.of("[apple]", "[3, 7]", "[kiwi]", "[1, 5]"));
    }
    List<String> everyUpdate =
        topics.readUntil("crash_out", KAFKA_JSON, plan.schema(), rows -> rows.size() >= 4);
    assertEquals(
        List.of("[apple] -> [1, 1]", "[apple] -> [2, 3]", "[apple] -> [3, 7]", "[kiwi] -> [1, 5]"),
        everyUpdate.stream().sorted().toList());
  }

  @Test
  void stateIsRestoredFromTheChangelogWhenTheLocalDirectoryIsLost() throws Exception {
    topics.create("lost_orders", 1);
    PlanStep.TableSink plan = TestPlans.countByName("lost_orders", "lost_out");
    topics.create("lost_out", 1);
    topics.write(
        "lost_orders",
        KAFKA_JSON,
        ORDERS,
        List.of(
            new Object[] {1L, "apple", 1},
            new Object[] {2L, "apple", 2},
            new Object[] {3L, "kiwi", 5}));

    try (KafkaQueryRuntime runtime = start("CTAS_LOST_1", plan)) {
      awaitLatest("lost_out", plan, Map.of("[apple]", "[2, 3]", "[kiwi]", "[1, 5]"));
    }
    Path queryState = stateDirectory.resolve("CTAS_LOST_1");
    // The aggregate runs in sub-topology 0 (the part after the repartition topic), on partition 0.
    assertTrue(
        Files.isDirectory(queryState.resolve("0_0").resolve("Aggregate-state")),
        "RocksDB state per task");
    assertTrue(
        Files.exists(queryState.resolve("0_0").resolve("Aggregate-state.checkpoint")),
        "checkpoint after stop");
    TaskStores.deleteRecursively(queryState);

    topics.write(
        "lost_orders", KAFKA_JSON, ORDERS, List.<Object[]>of(new Object[] {4L, "apple", 10}));
    try (KafkaQueryRuntime runtime = start("CTAS_LOST_1", plan)) {
      awaitLatest("lost_out", plan, Map.of("[apple]", "[3, 13]", "[kiwi]", "[1, 5]"));
    }
  }

  @Test
  void aBadRecordIsSkippedAndLoggedWhileTheQueryGoesOn() throws Exception {
    topics.create("bad_orders", 1);
    PlanStep.StreamSink plan = TestPlans.filterProject("bad_orders", "bad_out");
    topics.create("bad_out", 1);
    topics.writeBytes(
        "bad_orders", List.<byte[][]>of(new byte[][] {new byte[8], "{not json".getBytes(UTF_8)}));
    topics.write(
        "bad_orders", KAFKA_JSON, ORDERS, List.<Object[]>of(new Object[] {2L, "pear", 20}));
    RuntimeConfig config = config().withProcessingLogTopic("bad_processing_log");

    try (KafkaQueryRuntime runtime =
        new KafkaQueryRuntime("CSAS_BAD_1", TOPOLOGIES.build(plan), config, OffsetReset.EARLIEST)) {
      runtime.start();
      List<String> out =
          topics.readUntil("bad_out", KAFKA_JSON, plan.schema(), rows -> !rows.isEmpty());
      assertEquals(List.of("[2] -> [pear, 40]"), out);
      List<ProcessingLogEntry> log =
          topics
              .readRawUntil(
                  "bad_processing_log", r -> new String(r.value(), UTF_8), rows -> !rows.isEmpty())
              .stream()
              .map(json -> ProcessingLogEntry.fromJson(json.getBytes(UTF_8)))
              .toList();
      assertEquals(1, log.size());
      ProcessingLogEntry entry = log.get(0);
      assertEquals(
          List.of("CSAS_BAD_1", "DESERIALIZATION", "bad_orders", 0, 0L),
          List.of(
              entry.queryId(),
              entry.errorType(),
              entry.sourceTopic(),
              entry.sourcePartition(),
              entry.sourceOffset()));
      assertEquals(QueryState.RUNNING, runtime.state());
      assertEquals(1, runtime.statistics().processingErrors());
    }
  }

  @Test
  void cleanUpDeletesInternalTopicsTheGroupAndLocalState() throws Exception {
    topics.create("clean_orders", 1);
    PlanStep.TableSink plan = TestPlans.countByName("clean_orders", "clean_out");
    topics.create("clean_out", 1);
    topics.write(
        "clean_orders", KAFKA_JSON, ORDERS, List.<Object[]>of(new Object[] {1L, "apple", 1}));
    KafkaQueryRuntime runtime = start("CTAS_CLEAN_1", plan);
    awaitLatest("clean_out", plan, Map.of("[apple]", "[1, 1]"));
    assertEquals(
        2,
        runtime.statistics().processedRecords(),
        "one record read from the source, one from the repartition topic");

    assertEquals(1, runtime.statistics().outputRecords(), "the repartitioned record is not output");
    assertTrue(runtime.localStateBytes() > 0, "the count's store is on disk");

    runtime.cleanUp();

    assertEquals(QueryState.NOT_RUNNING, runtime.state());
    assertEquals(0, runtime.localStateBytes());
    assertFalse(Files.exists(stateDirectory.resolve("CTAS_CLEAN_1")));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      // Deletion reaches the broker's metadata shortly after the controller accepts it.
      Set<String> internal = Set.of("pending");
      for (int attempt = 0; attempt < 100 && !internal.isEmpty(); attempt++) {
        Set<String> left = admin.listTopics().names().get();
        assertTrue(left.containsAll(Set.of("clean_orders", "clean_out")));
        internal =
            left.stream().filter(t -> t.startsWith(runtime.groupId())).collect(Collectors.toSet());
        Thread.sleep(internal.isEmpty() ? 0 : 100);
      }
      assertEquals(Set.of(), internal);
      assertEquals(
          Set.of(),
          admin.listConsumerGroups().all().get().stream()
              .filter(g -> g.groupId().equals(runtime.groupId()))
              .collect(Collectors.toSet()));
    }
  }

  private void awaitLatest(String topic, PlanStep plan, Map<String, String> expected) {
    assertEquals(expected, topics.latestUntil(topic, KAFKA_JSON, plan.schema(), expected));
  }
}
