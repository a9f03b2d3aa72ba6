package dev.millrace.engine.runtime;

import static dev.millrace.engine.runtime.TestPlans.KAFKA_JSON;
import static dev.millrace.engine.runtime.TestPlans.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.operator.Row;
import dev.millrace.engine.operator.TopologyBuilder;
import dev.millrace.engine.plan.PlanStep;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Push queries: rows handed to a listener, read from the earliest or latest offsets. */
class TransientQueryRuntimeTest {
  private static final TopologyBuilder TOPOLOGIES =
      new TopologyBuilder(FunctionRegistry.builtIns());

  private final TestKafkaBroker broker = TestKafkaBroker.shared();
  private final KafkaTopics topics = new KafkaTopics(broker.bootstrapServers());
  private final List<String> rows = Collections.synchronizedList(new ArrayList<>());

  @TempDir Path stateDirectory;

  private TransientQueryRuntime start(PlanStep plan, OffsetReset reset) {
    TransientQueryRuntime query =
        new TransientQueryRuntime(
            "transient_1",
            plan,
            TOPOLOGIES.build(plan),
            RuntimeConfig.of(broker.bootstrapServers(), "test", stateDirectory),
            reset,
            row -> rows.add(render(row)));
    query.start();
    return query;
  }

  @Test
  void aFilterDeliversMatchingRowsFromTheEarliestOffset() throws Exception {
    topics.create("push_orders", 2);
    topics.write(
        "push_orders",
        KAFKA_JSON,
        ORDERS,
        List.of(
            new Object[] {1L, "apple", 5},
            new Object[] {2L, "pear", 20},
            new Object[] {3L, "plum", 11}));

    try (TransientQueryRuntime query =
        start(TestPlans.filterProject("push_orders", "push_sink"), OffsetReset.EARLIEST)) {
      awaitRows(r -> r.size() >= 2);
      assertEquals(List.of("[2] -> [pear, 40]", "[3] -> [plum, 22]"), sorted(rows));
      assertEquals(QueryState.RUNNING, query.state());
    }
  }

  @Test
  void aGroupedCountFromTheLatestOffsetSeesOnlyNewRows() throws Exception {
    topics.create("push_counts", 1);
    topics.write("push_counts", KAFKA_JSON, ORDERS, List.<Object[]>of(new Object[] {1L, "old", 1}));

    try (TransientQueryRuntime query =
        start(TestPlans.countByName("push_counts", "push_sink"), OffsetReset.LATEST)) {
      topics.write(
          "push_counts",
          KAFKA_JSON,
          ORDERS,
          List.of(
              new Object[] {2L, "apple", 1},
              new Object[] {3L, "apple", 2},
              new Object[] {4L, "kiwi", 3}));
      awaitRows(r -> r.contains("[apple] -> [2, 3]") && r.contains("[kiwi] -> [1, 3]"));
      assertEquals(
          List.of("[apple] -> [1, 1]", "[apple] -> [2, 3]", "[kiwi] -> [1, 3]"), sorted(rows));
    }
  }

  @Test
  void aJoinFromTheEarliestOffsetSeesTheTableAsOfEachStreamRecordsTime() throws Exception {
    int count = 3_000;
    topics.create("push_join_users", 2);
    topics.create("push_join_orders", 2);
    List<Object[]> users = new ArrayList<>();
    List<Object[]> orders = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (long id = 0; id < count; id++) {
      users.add(new Object[] {id, "user" + id});
      orders.add(new Object[] {id, "item" + id, 1});
      expected.add("[" + id + "] -> [item" + id + ", user" + id + "]");
    }
    // Users first: every user's timestamp is earlier than every order's.
    topics.write("push_join_users", KAFKA_JSON, TestPlans.USERS, users);
    topics.write("push_join_orders", KAFKA_JSON, ORDERS, orders);

    PlanStep plan = TestPlans.ordersWithUsers("push_join_orders", "push_join_users", "push_sink");
    try (TransientQueryRuntime query = start(plan, OffsetReset.EARLIEST)) {
      awaitRows(r -> r.size() >= count);
      assertEquals(sorted(expected), sorted(rows));
    }
  }

  @Test
  void theListenerMayStopTheQuery() throws Exception {
    topics.create("push_limit", 1);
    topics.write(
        "push_limit",
        KAFKA_JSON,
        ORDERS,
        List.of(
            new Object[] {1L, "a", 50}, new Object[] {2L, "b", 60}, new Object[] {3L, "c", 70}));
    PlanStep plan = TestPlans.filterProject("push_limit", "push_sink");
    TransientQueryRuntime[] holder = new TransientQueryRuntime[1];
    holder[0] =
        new TransientQueryRuntime(
            "transient_limit",
            plan,
            TOPOLOGIES.build(plan),
            RuntimeConfig.of(broker.bootstrapServers(), "test", stateDirectory),
            OffsetReset.EARLIEST,
            row -> {
              rows.add(render(row));
              holder[0].stop();
            });
    holder[0].start();
    awaitRows(r -> !r.isEmpty());
    holder[0].close();
    assertEquals(List.of("[1] -> [a, 100]"), rows);
    assertEquals(QueryState.NOT_RUNNING, holder[0].state());
  }

  private void awaitRows(Predicate<List<String>> done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!done.test(List.copyOf(rows)) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  private static List<String> sorted(List<String> lines) {
    List<String> copy = new ArrayList<>(lines);
    Collections.sort(copy);
    return copy;
  }

  private static String render(Row row) {
    return Arrays.toString(row.key())
        + " -> "
        + (row.value() == null ? "null" : Arrays.toString(row.value()));
  }
}
