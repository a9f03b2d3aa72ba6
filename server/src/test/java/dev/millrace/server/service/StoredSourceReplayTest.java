package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.engine.types.Column;
import dev.millrace.planner.catalog.DataSource;
import dev.millrace.server.offline.InMemoryBackend;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A CREATE TABLE whose columns come from the registry, replayed after its subjects got new
 * versions: the logged source is added as it was accepted, columns and pinned schema ids alike; a
 * command logged without its source, as earlier versions logged it, is planned again; CREATE OR
 * REPLACE takes up the latest versions.
 */
class StoredSourceReplayTest {
  private static final FunctionRegistry FUNCTIONS = FunctionRegistry.builtIns();
  private static final String CREATE =
      "CREATE TABLE users WITH (KAFKA_TOPIC='users', KEY_FORMAT='AVRO', VALUE_FORMAT='AVRO');";

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final RecordingCommandLog log = new RecordingCommandLog();

  @Test
  void aReplayedInferredSourceKeepsTheColumnsAndIdsItWasAcceptedWith() {
    int keyId = registry.register("users-key", RegisteredSchema.avro("\"int\""));
    int valueId = registry.register("users-value", RegisteredSchema.avro(user("")));
    DataSource accepted = createUsers();
    registerNewVersions();

    DataSource replayed = replay(log.logged);

    assertEquals(accepted, replayed);
    assertEquals(
        List.of("ROWKEY INTEGER", "NAME STRING"),
        columns(replayed),
        "the accepted version's columns");
    assertEquals(String.valueOf(keyId), schemaId(replayed, true));
    assertEquals(String.valueOf(valueId), schemaId(replayed, false));
  }

  @Test
  void aCreateLoggedWithoutItsSourceIsPlannedAgainAgainstTheLatestVersions() {
    registry.register("users-key", RegisteredSchema.avro("\"int\""));
    registry.register("users-value", RegisteredSchema.avro(user("")));
    createUsers();
    int[] latest = registerNewVersions();

    DataSource replayed = replay(List.of(StoredPlans.withoutSource(log.logged.get(0))));

    assertEquals(List.of("ROWKEY BIGINT", "NAME STRING", "EMAIL STRING"), columns(replayed));
    assertEquals(String.valueOf(latest[0]), schemaId(replayed, true));
    assertEquals(String.valueOf(latest[1]), schemaId(replayed, false));
  }

  @Test
  void createOrReplaceTakesUpTheLatestVersions() {
    registry.register("users-key", RegisteredSchema.avro("\"int\""));
    registry.register("users-value", RegisteredSchema.avro(user("")));
    createUsers();
    int newValueId =
        registry.register(
            "users-value",
            RegisteredSchema.avro(
                user(",{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null}")));
    try (StatementEngine engine = newEngine(log)) {
      engine.replay(log.logged);
      Session session = Session.of(new HashMap<>(), Map.of());
      engine.execute(engine.parse(CREATE.replace("CREATE", "CREATE OR REPLACE")).get(0), session);
      DataSource replaced = engine.catalogSnapshot().source("USERS").orElseThrow();
      assertEquals(List.of("ROWKEY INTEGER", "NAME STRING", "EMAIL STRING"), columns(replaced));
      assertEquals(String.valueOf(newValueId), schemaId(replaced, false));
    }
  }

  /** Accepts the CREATE TABLE and returns the table it added. */
  private DataSource createUsers() {
    try (StatementEngine engine = newEngine(log)) {
      Session session = Session.of(new HashMap<>(), Map.of());
      engine.execute(engine.parse(CREATE).get(0), session);
      return engine.catalogSnapshot().source("USERS").orElseThrow();
    }
  }

  /** Another key type and another value field, as a producer evolving its schemas registers. */
  private int[] registerNewVersions() {
    return new int[] {
      registry.register("users-key", RegisteredSchema.avro("\"long\"")),
      registry.register(
          "users-value",
          RegisteredSchema.avro(
              user(",{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null}")))
    };
  }

  private static String user(String moreFields) {
    return "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"}"
        + moreFields
        + "]}";
  }

  /** The table a server restarted on the commands has, with the same registry. */
  private DataSource replay(List<LoggedCommand> commands) {
    try (StatementEngine restarted = newEngine(CommandSink.NONE)) {
      assertEquals(List.of(), restarted.replay(commands), "statements skipped on replay");
      return restarted.catalogSnapshot().source("USERS").orElseThrow();
    }
  }

  private StatementEngine newEngine(CommandSink sink) {
    return new StatementEngine(
        new InMemoryBackend(FUNCTIONS, registry), sink, FUNCTIONS, Map.of(), true);
  }

  private static List<String> columns(DataSource source) {
    return source.schema().columns().stream().map(StoredSourceReplayTest::column).toList();
  }

  private static String column(Column column) {
    return column.name() + " " + column.type().toSql();
  }

  private static String schemaId(DataSource source, boolean key) {
    return (key ? source.formats().key() : source.formats().value())
        .options()
        .get(SerdeFactory.SCHEMA_ID);
  }
}
