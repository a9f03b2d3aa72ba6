package dev.millrace.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.operator.SubTopology;
import dev.millrace.engine.operator.TopologyBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which stores a task reads through a read cache: those a stream-table join looks rows up in. */
class LookupStoresTest {
  private final TopologyBuilder topologies = new TopologyBuilder(FunctionRegistry.builtIns());

  @Test
  void aStreamTableJoinLooksUpItsTablesStore() {
    List<SubTopology> join =
        topologies.build(TestPlans.ordersWithUsers("orders", "users", "out")).subTopologies();

    assertEquals(List.of("users-store"), join.get(0).lookupStores());
  }

  @Test
  void anAggregationReadsItsStoreWithoutOne() {
    List<SubTopology> aggregation =
        topologies.build(TestPlans.countByName("orders", "out")).subTopologies();

    assertEquals(List.of(), aggregation.stream().flatMap(s -> s.lookupStores().stream()).toList());
  }
}
