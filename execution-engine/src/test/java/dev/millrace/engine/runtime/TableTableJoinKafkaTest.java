package dev.millrace.engine.runtime;

import static dev.millrace.engine.runtime.TestPlans.KAFKA_JSON;
import static dev.millrace.engine.runtime.TestPlans.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.operator.TopologyBuilder;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.JoinType;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.plan.SourceColumns;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A primary-key table-table join on a real broker with RocksDB state, across a restart. */
class TableTableJoinKafkaTest {
  private static final LogicalSchema CITIES = new LogicalSchema(List.of(new Column("ID", SqlType.BIGINT)),
      List.of(new Column("CITY", SqlType.STRING)));
  private static final LogicalSchema OUT = new LogicalSchema(USERS.key(),
      List.of(new Column("NAME", SqlType.STRING), new Column("CITY", SqlType.STRING)));

  private final TestKafkaBroker broker = TestKafkaBroker.shared();
  private final KafkaTopics topics = new KafkaTopics(broker.bootstrapServers());

  @TempDir
  Path stateDirectory;

  /** SELECT U.ID, U.NAME, C.CITY FROM USERS U LEFT JOIN CITIES C ON U.ID = C.ID. */
  private static PlanStep.TableSink usersWithCities(String users, String cities, String output) {
    PlanStep.TableSource left = new PlanStep.TableSource(users, KAFKA_JSON, USERS, Optional.empty(), Optional.empty(),
        "users-store", SourceColumns.withPseudoColumns(USERS, false));
    PlanStep.TableSource right = new PlanStep.TableSource(cities, KAFKA_JSON, CITIES, Optional.empty(),
        Optional.empty(), "cities-store", SourceColumns.withPseudoColumns(CITIES, false));
    List<Column> joined = new ArrayList<>(left.schema().value());
    joined.addAll(right.schema().value());
    PlanStep.TableTableJoin join = new PlanStep.TableTableJoin(left, right, JoinType.LEFT,
        new LogicalSchema(USERS.key(), joined));
    int city = left.schema().value().size();
    PlanStep.TableSelect select = new PlanStep.TableSelect(join, List.of(
        new Expr.ColumnRef(0, "NAME", SqlType.STRING), new Expr.ColumnRef(city, "CITY", SqlType.STRING)), OUT);
    return new PlanStep.TableSink(select, output, KAFKA_JSON, OUT);
  }

  @Test
  void joinedRowsFollowBothTablesThroughDeletesAndARestart() throws Exception {
    topics.create("tt_users", 2);
    topics.create("tt_cities", 2);
    topics.create("tt_out", 2);
    PlanStep.TableSink plan = usersWithCities("tt_users", "tt_cities", "tt_out");
    RuntimeConfig config = RuntimeConfig.of(broker.bootstrapServers(), "test", stateDirectory);
    TopologyBuilder topologies = new TopologyBuilder(FunctionRegistry.builtIns());
    topics.write("tt_users", KAFKA_JSON, USERS, List.of(new Object[] {1L, "ann"}, new Object[] {2L, "bob"}));
    topics.write("tt_cities", KAFKA_JSON, CITIES, List.of(new Object[] {1L, "paris"}, new Object[] {3L, "rome"}));

    try (KafkaQueryRuntime runtime = new KafkaQueryRuntime("CTAS_TT_1", topologies.build(plan), config,
        OffsetReset.EARLIEST)) {
      runtime.start();
      awaitLatest(Map.of("[1]", "[ann, paris]", "[2]", "[bob, null]"));
      topics.writeBytes("tt_cities", List.<byte[][]>of(new byte[][] {cityKey(1L), null}));
      awaitLatest(Map.of("[1]", "[ann, null]", "[2]", "[bob, null]"));
    }
    topics.write("tt_cities", KAFKA_JSON, CITIES, List.<Object[]>of(new Object[] {2L, "oslo"}));
    topics.writeBytes("tt_users", List.<byte[][]>of(new byte[][] {cityKey(1L), null}));
    try (KafkaQueryRuntime runtime = new KafkaQueryRuntime("CTAS_TT_1", topologies.build(plan), config,
        OffsetReset.EARLIEST)) {
      runtime.start();
      awaitLatest(Map.of("[1]", "null", "[2]", "[bob, oslo]"));
    }
  }

  private static byte[] cityKey(long id) {
    return SerdeFactory.keySerde(KAFKA_JSON.key(), CITIES.key(), Optional.empty()).serialize(new Object[] {id}, null);
  }

  private void awaitLatest(Map<String, String> expected) {
    List<String> out = topics.readUntil("tt_out", KAFKA_JSON, OUT, rows -> KafkaTopics.latestByKey(rows).equals(expected));
    assertEquals(expected, KafkaTopics.latestByKey(out));
  }
}
