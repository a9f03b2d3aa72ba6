package dev.millrace.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.operator.Topology;
import dev.millrace.engine.operator.TopologyBuilder;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.JoinType;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicLayoutTest {
  private final TopologyBuilder builder = new TopologyBuilder(FunctionRegistry.builtIns());

  @Test
  void repartitionTopicsAndChangelogsTakeTheSourcesPartitionCount() {
    Topology topology = builder.build(TestPlans.countByName("orders", "out"));
    TopicLayout layout = new TopicLayout(topology, Map.of("orders", 3));
    assertEquals(3, layout.partitions("GroupBy-repartition"));
    assertEquals(Map.of("Aggregate-state", 3), layout.storePartitions());
  }

  @Test
  void aRepartitionTopicTakesThePartitionCountOfTheTableItIsJoinedWith() {
    Topology topology = builder.build(TestPlans.rekeyedOrdersWithUsers("orders", "users", "out"));
    TopicLayout layout = new TopicLayout(topology, Map.of("orders", 2, "users", 3));
    assertEquals(3, layout.partitions("Join-repartition"));
    assertEquals(Map.of("users-store", 3), layout.storePartitions());
  }

  @Test
  void sourceTopicsReadByOneTaskFormACoPartitionedGroup() {
    assertEquals(
        List.of(List.of("orders", "users")),
        builder
            .build(TestPlans.ordersWithUsers("orders", "users", "out"))
            .coPartitionedSourceTopics());
    assertEquals(
        List.of(),
        builder
            .build(TestPlans.rekeyedOrdersWithUsers("orders", "users", "out"))
            .coPartitionedSourceTopics());
  }

  @Test
  void inputsOfOneTaskMustHaveTheSamePartitionCount() {
    Topology topology = builder.build(TestPlans.ordersWithUsers("orders", "users", "out"));
    QueryStartException e =
        assertThrows(
            QueryStartException.class,
            () -> new TopicLayout(topology, Map.of("orders", 2, "users", 3)));
    assertEquals(
        "cannot co-partition the inputs of one task: orders (2 partitions), users (3 partitions)"
            + " must have the same number of partitions",
        e.getMessage());
  }

  @Test
  void aForeignKeyJoinRunsTheLeftTableAndTheRightTableInTasksOfTheirOwnCounts() {
    LogicalSchema users =
        new LogicalSchema(
            TestPlans.USERS.key(),
            List.of(new Column("NAME", SqlType.STRING), new Column("CITY_ID", SqlType.BIGINT)));
    PlanStep.TableSource left =
        new PlanStep.TableSource(
            "users",
            TestPlans.KAFKA_JSON,
            users,
            Optional.empty(),
            Optional.empty(),
            "users-store",
            users);
    PlanStep.TableSource right =
        new PlanStep.TableSource(
            "cities",
            TestPlans.KAFKA_JSON,
            TestPlans.USERS,
            Optional.empty(),
            Optional.empty(),
            "cities-store",
            TestPlans.USERS);
    LogicalSchema joined =
        new LogicalSchema(
            users.key(),
            List.of(
                new Column("NAME", SqlType.STRING),
                new Column("CITY_ID", SqlType.BIGINT),
                new Column("CITY", SqlType.STRING)));
    PlanStep join =
        new PlanStep.ForeignKeyTableJoin(
            left, right, new Expr.ColumnRef(1, "CITY_ID", SqlType.BIGINT), JoinType.INNER, joined);
    Topology topology =
        builder.build(new PlanStep.TableSink(join, "out", TestPlans.KAFKA_JSON, joined));

    TopicLayout layout = new TopicLayout(topology, Map.of("users", 4, "cities", 3));
    assertEquals(
        Map.of(
            "users-store", 4,
            "ForeignKeyJoin-0-results", 4,
            "cities-store", 3,
            "ForeignKeyJoin-0-subscriptions", 3),
        layout.storePartitions());
    assertEquals(3, layout.partitions("ForeignKeyJoin-0-subscription"));
    assertEquals(4, layout.partitions("ForeignKeyJoin-0-response"));
  }
}
