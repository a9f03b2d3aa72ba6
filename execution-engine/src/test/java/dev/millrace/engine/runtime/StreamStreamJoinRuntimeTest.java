package dev.millrace.engine.runtime;

import static dev.millrace.engine.runtime.TestPlans.KAFKA_JSON;
import static dev.millrace.engine.runtime.TestPlans.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.operator.TopologyBuilder;
import dev.millrace.engine.plan.PlanStep;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream-stream outer join on a real broker with RocksDB state, stopped abruptly mid-stream and
 * later restarted without its local state: exactly-once processing must neither lose nor repeat a
 * joined row, nor an outer row waiting in the join's store for its window to close.
 */
class StreamStreamJoinRuntimeTest {
  private static final TopologyBuilder TOPOLOGIES =
      new TopologyBuilder(FunctionRegistry.builtIns());

  private final TestKafkaBroker broker = TestKafkaBroker.shared();
  private final KafkaTopics topics = new KafkaTopics(broker.bootstrapServers());

  @TempDir Path stateDirectory;

  @Test
  void anOuterJoinLosesAndRepeatsNothingAcrossACrash() throws Exception {
    topics.create("ssj_left", 1);
    topics.create("ssj_right", 1);
    topics.create("ssj_out", 1);
    PlanStep.StreamSink plan = TestPlans.outerJoin("ssj_left", "ssj_right", "ssj_out");
    RuntimeConfig config = RuntimeConfig.of(broker.bootstrapServers(), "test", stateDirectory);
    // Times grow by 1000 with every record written: a @1000, b @2000, x @3000.
    left(1, "a");
    left(2, "b");
    right(1, "x");
    try (KafkaQueryRuntime crashing =
        new KafkaQueryRuntime(
            "CSAS_SSJ_1",
            TOPOLOGIES.build(plan),
            config.withCommitInterval(Duration.ofHours(1)),
            OffsetReset.EARLIEST)) {
      crashing.start();
      // The joined row is written inside a transaction that never commits; b waits in the store.
      topics.readRawUntil("ssj_out", "read_uncommitted", r -> "seen", rows -> rows.size() == 1);
      crashing.crash();
    }

    try (KafkaQueryRuntime runtime =
        new KafkaQueryRuntime("CSAS_SSJ_1", TOPOLOGIES.build(plan), config, OffsetReset.EARLIEST)) {
      runtime.start();
      awaitOutput(List.of("[1] -> [a, x]"));
      right(3, "z"); // @4000, waits for a match
      left(1, "a2"); // @5000, joins x @3000
      awaitOutput(List.of("[1] -> [a, x]", "[1] -> [a2, x]"));
    }
    // Lose the local state: b and z, still waiting, and x come back from the changelog.
    TaskStores.deleteRecursively(stateDirectory.resolve("CSAS_SSJ_1"));

    try (KafkaQueryRuntime runtime =
        new KafkaQueryRuntime("CSAS_SSJ_1", TOPOLOGIES.build(plan), config, OffsetReset.EARLIEST)) {
      runtime.start();
      left(7, "g");
      left(8, "h");
      left(9, "i"); // @8000 closes b's window (2000 + 5000)
      awaitOutput(List.of("[1] -> [a, x]", "[1] -> [a2, x]", "[2] -> [b, null]"));
      left(10, "j");
      left(11, "k"); // @10000 closes z's window (4000 + 5000)
      right(11, "k2"); // @11000 joins k: the last row expected
      List<String> all =
          awaitOutput(
              List.of(
                  "[1] -> [a, x]",
                  "[1] -> [a2, x]",
                  "[2] -> [b, null]",
                  "[3] -> [null, z]",
                  "[11] -> [k, k2]"));
      assertEquals(5, all.size());
    }
  }

  private void left(long id, String name) {
    topics.write("ssj_left", KAFKA_JSON, ORDERS, List.<Object[]>of(new Object[] {id, name, 0}));
  }

  private void right(long id, String name) {
    topics.write("ssj_right", KAFKA_JSON, ORDERS, List.<Object[]>of(new Object[] {id, name, 0}));
  }

  /** Reads the committed output until it holds {@code expected}; returns what was read. */
  private List<String> awaitOutput(List<String> expected) {
    List<String> out =
        topics.readUntil(
            "ssj_out",
            KAFKA_JSON,
            TestPlans.outerJoin("l", "r", "o").schema(),
            rows -> rows.size() >= expected.size());
    assertEquals(expected, out);
    return out;
  }
}
