package dev.millrace.engine.runtime;

import static dev.millrace.engine.runtime.TestPlans.KAFKA_JSON;
import static dev.millrace.engine.runtime.TestPlans.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.operator.TopologyBuilder;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.Formats;
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

/**
 * Primary-key table-table joins on a real broker with RocksDB state: through deletes, a restart and
 * a repartition.
 */
class TableTableJoinKafkaTest {
  private static final LogicalSchema CITIES =
      new LogicalSchema(
          List.of(new Column("ID", SqlType.BIGINT)), List.of(new Column("CITY", SqlType.STRING)));
  private static final LogicalSchema OUT =
      new LogicalSchema(
          USERS.key(),
          List.of(new Column("NAME", SqlType.STRING), new Column("CITY", SqlType.STRING)));

  private final TestKafkaBroker broker = TestKafkaBroker.shared();
  private final KafkaTopics topics = new KafkaTopics(broker.bootstrapServers());

  @TempDir Path stateDirectory;

  private static final Formats DELIMITED_JSON =
      new Formats(FormatInfo.of("DELIMITED"), FormatInfo.of("JSON"), Optional.empty());

  /** SELECT U.ID, U.NAME, C.CITY FROM USERS U LEFT JOIN CITIES C ON U.ID = C.ID. */
  private static PlanStep.TableSink usersWithCities(String users, String cities, String output) {
    PlanStep.TableSource right =
        new PlanStep.TableSource(
            cities,
            KAFKA_JSON,
            CITIES,
            Optional.empty(),
            Optional.empty(),
            "cities-store",
            SourceColumns.withPseudoColumns(CITIES, false));
    return joined(users, right, JoinType.LEFT, output);
  }

  /**
   * As {@link #usersWithCities} (INNER), with cities keyed in DELIMITED: they cross a repartition
   * topic keyed in KAFKA.
   */
  private static PlanStep.TableSink usersWithDelimitedCities(
      String users, String cities, String output) {
    PlanStep.TableSource source =
        new PlanStep.TableSource(
            cities,
            DELIMITED_JSON,
            CITIES,
            Optional.empty(),
            Optional.empty(),
            "cities-store",
            SourceColumns.withPseudoColumns(CITIES, false));
    PlanStep.TableRepartition right =
        new PlanStep.TableRepartition(
            source,
            "RightSourceKeyed-repartition",
            KAFKA_JSON.key(),
            "rekeyed-cities-store",
            source.schema());
    return joined(users, right, JoinType.INNER, output);
  }

  private static PlanStep.TableSink joined(
      String users, PlanStep right, JoinType type, String output) {
    PlanStep.TableSource left =
        new PlanStep.TableSource(
            users,
            KAFKA_JSON,
            USERS,
            Optional.empty(),
            Optional.empty(),
            "users-store",
            SourceColumns.withPseudoColumns(USERS, false));
    List<Column> joined = new ArrayList<>(left.schema().value());
    joined.addAll(right.schema().value());
    PlanStep.TableTableJoin join =
        new PlanStep.TableTableJoin(left, right, type, new LogicalSchema(USERS.key(), joined));
    int city = left.schema().value().size();
    PlanStep.TableSelect select =
        new PlanStep.TableSelect(
            join,
            List.of(
                new Expr.ColumnRef(0, "NAME", SqlType.STRING),
                new Expr.ColumnRef(city, "CITY", SqlType.STRING)),
            OUT);
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
    topics.write(
        "tt_users", KAFKA_JSON, USERS, List.of(new Object[] {1L, "ann"}, new Object[] {2L, "bob"}));
    topics.write(
        "tt_cities",
        KAFKA_JSON,
        CITIES,
        List.of(new Object[] {1L, "paris"}, new Object[] {3L, "rome"}));

    try (KafkaQueryRuntime runtime =
        new KafkaQueryRuntime("CTAS_TT_1", topologies.build(plan), config, OffsetReset.EARLIEST)) {
      runtime.start();
      awaitLatest("tt_out", Map.of("[1]", "[ann, paris]", "[2]", "[bob, null]"));
      topics.writeBytes("tt_cities", List.<byte[][]>of(new byte[][] {cityKey(1L), null}));
      awaitLatest("tt_out", Map.of("[1]", "[ann, null]", "[2]", "[bob, null]"));
    }
    topics.write("tt_cities", KAFKA_JSON, CITIES, List.<Object[]>of(new Object[] {2L, "oslo"}));
    topics.writeBytes("tt_users", List.<byte[][]>of(new byte[][] {cityKey(1L), null}));
    try (KafkaQueryRuntime runtime =
        new KafkaQueryRuntime("CTAS_TT_1", topologies.build(plan), config, OffsetReset.EARLIEST)) {
      runtime.start();
      awaitLatest("tt_out", Map.of("[1]", "null", "[2]", "[bob, oslo]"));
    }
  }

  @Test
  void aTableKeyedInAnotherFormatIsRepartitionedDeletesIncluded() throws Exception {
    topics.create("ttr_users", 2);
    topics.create("ttr_cities", 2);
    topics.create("ttr_out", 2);
    PlanStep.TableSink plan = usersWithDelimitedCities("ttr_users", "ttr_cities", "ttr_out");
    topics.write(
        "ttr_users",
        KAFKA_JSON,
        USERS,
        List.of(new Object[] {1L, "ann"}, new Object[] {2L, "bob"}));
    topics.write(
        "ttr_cities",
        DELIMITED_JSON,
        CITIES,
        List.of(new Object[] {1L, "paris"}, new Object[] {2L, "oslo"}));

    try (KafkaQueryRuntime runtime =
        new KafkaQueryRuntime(
            "CTAS_TTR_1",
            new TopologyBuilder(FunctionRegistry.builtIns()).build(plan),
            RuntimeConfig.of(broker.bootstrapServers(), "test", stateDirectory),
            OffsetReset.EARLIEST)) {
      runtime.start();
      awaitLatest("ttr_out", Map.of("[1]", "[ann, paris]", "[2]", "[bob, oslo]"));
      byte[] delimitedKey =
          SerdeFactory.keySerde(DELIMITED_JSON.key(), CITIES.key(), Optional.empty())
              .serialize(new Object[] {2L}, null);
      topics.writeBytes("ttr_cities", List.<byte[][]>of(new byte[][] {delimitedKey, null}));
      awaitLatest("ttr_out", Map.of("[1]", "[ann, paris]", "[2]", "null"));
    }
  }

  private static byte[] cityKey(long id) {
    return SerdeFactory.keySerde(KAFKA_JSON.key(), CITIES.key(), Optional.empty())
        .serialize(new Object[] {id}, null);
  }

  private void awaitLatest(String topic, Map<String, String> expected) {
    assertEquals(expected, topics.latestUntil(topic, KAFKA_JSON, OUT, expected));
  }
}
