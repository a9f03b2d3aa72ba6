package dev.millrace.engine.runtime;

import static dev.millrace.engine.runtime.TestPlans.KAFKA_JSON;
import static dev.millrace.engine.runtime.TestPlans.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.operator.TopologyBuilder;
import dev.millrace.engine.plan.PlanStep;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EMIT FINAL on a real broker with RocksDB state: a window still open when the query stops waits in
 * the suppression store, and comes back from its changelog when the local state is lost, so that it
 * is written once when a later record closes it; and the aggregation's own store comes back the
 * same way, so that records after the restore add to the window's restored count.
 */
class EmitFinalRuntimeTest {
  private static final TopologyBuilder TOPOLOGIES =
      new TopologyBuilder(FunctionRegistry.builtIns());

  private final TestKafkaBroker broker = TestKafkaBroker.shared();
  private final KafkaTopics topics = new KafkaTopics(broker.bootstrapServers());

  @TempDir Path stateDirectory;

  @Test
  void anOpenWindowSurvivesTheLossOfLocalState() throws Exception {
    topics.create("final_in", 1);
    topics.create("final_out", 1);
    PlanStep.TableSink plan = TestPlans.finalCountPerWindow("final_in", "final_out");
    RuntimeConfig config = RuntimeConfig.of(broker.bootstrapServers(), "test", stateDirectory);

    try (KafkaQueryRuntime runtime =
        new KafkaQueryRuntime(
            "CTAS_FINAL_1", TOPOLOGIES.build(plan), config, OffsetReset.EARLIEST)) {
      runtime.start();
      order("final_in", 1); // @1000
      order("final_in", 1); // @2000
      order("final_in", 2); // @3000 closes [0,3000); opens [3000,6000) for 2
      awaitOutput(plan, List.of("[1] -> [1, 2, 0, 3000]"));
    }
    TaskStores.deleteRecursively(stateDirectory.resolve("CTAS_FINAL_1"));

    try (KafkaQueryRuntime runtime =
        new KafkaQueryRuntime(
            "CTAS_FINAL_1", TOPOLOGIES.build(plan), config, OffsetReset.EARLIEST)) {
      runtime.start();
      order("final_in", 3); // @4000
      order("final_in", 3); // @5000
      order("final_in", 3); // @6000 closes [3000,6000): 2's row comes from the restored store alone
      awaitOutput(
          plan,
          List.of(
              "[1] -> [1, 2, 0, 3000]", "[2] -> [2, 1, 3000, 6000]", "[3] -> [3, 2, 3000, 6000]"));
    }
  }

  @Test
  void aRestoredOpenWindowKeepsCounting() throws Exception {
    topics.create("counting_in", 1);
    topics.create("counting_out", 1);
    PlanStep.TableSink plan = TestPlans.finalCountPerWindow("counting_in", "counting_out");
    RuntimeConfig config = RuntimeConfig.of(broker.bootstrapServers(), "test", stateDirectory);

    try (KafkaQueryRuntime runtime =
        new KafkaQueryRuntime(
            "CTAS_COUNTING_1", TOPOLOGIES.build(plan), config, OffsetReset.EARLIEST)) {
      runtime.start();
      order("counting_in", 1); // @1000
      order("counting_in", 1); // @2000
      order("counting_in", 2); // @3000 closes [0,3000); opens [3000,6000) for 2
      awaitOutput(plan, List.of("[1] -> [1, 2, 0, 3000]"));
    }
    TaskStores.deleteRecursively(stateDirectory.resolve("CTAS_COUNTING_1"));

    try (KafkaQueryRuntime runtime =
        new KafkaQueryRuntime(
            "CTAS_COUNTING_1", TOPOLOGIES.build(plan), config, OffsetReset.EARLIEST)) {
      runtime.start();
      order("counting_in", 2); // @4000: adds to the window restored from the changelog
      order("counting_in", 2); // @5000
      order("counting_in", 3); // @6000 closes [3000,6000)
      awaitOutput(plan, List.of("[1] -> [1, 2, 0, 3000]", "[2] -> [2, 3, 3000, 6000]"));
    }
  }

  private void order(String topic, long id) {
    topics.write(topic, KAFKA_JSON, ORDERS, List.<Object[]>of(new Object[] {id, "x", 1}));
  }

  private void awaitOutput(PlanStep.TableSink plan, List<String> expected) {
    List<String> out =
        topics.readUntil(
            plan.topic(), plan.formats(), plan.schema(), rows -> rows.size() >= expected.size());
    assertEquals(expected, out);
  }
}
