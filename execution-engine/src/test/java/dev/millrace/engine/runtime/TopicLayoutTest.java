package dev.millrace.engine.runtime;

import dev.millrace.engine.registry.InMemorySchemaRegistry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.operator.Topology;
import dev.millrace.engine.operator.TopologyBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicLayoutTest {
  private final TopologyBuilder builder = new TopologyBuilder(FunctionRegistry.builtIns(), new InMemorySchemaRegistry());

  @Test
  void repartitionTopicsAndChangelogsTakeTheSourcesPartitionCount() {
    Topology topology = builder.build(TestPlans.countByName("orders", "out"));
    TopicLayout layout = new TopicLayout(topology, Map.of("orders", 3));
    assertEquals(3, layout.partitions("GroupBy-repartition"));
    assertEquals(Map.of("Aggregate-state", 3), layout.storePartitions());
  }

  @Test
  void inputsOfOneTaskMustHaveTheSamePartitionCount() {
    Topology topology = builder.build(TestPlans.ordersWithUsers("orders", "users", "out"));
    QueryStartException e = assertThrows(QueryStartException.class,
        () -> new TopicLayout(topology, Map.of("orders", 2, "users", 3)));
    assertEquals("cannot co-partition the inputs of one task: orders (2 partitions), users (3 partitions)"
        + " must have the same number of partitions", e.getMessage());
  }
}
