package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.engine.types.Column;
import dev.millrace.parser.ParsedStatement;
import dev.millrace.parser.ast.CreateSource;
import dev.millrace.planner.catalog.DataSource;
import dev.millrace.server.offline.InMemoryBackend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

  /**
   * Two versions of a key and a value schema in one registry format: the second changes the key's
   * type and adds a value field.
   */
  record Versions(
      String format,
      RegisteredSchema key,
      RegisteredSchema value,
      RegisteredSchema newKey,
      RegisteredSchema newValue) {
    @Override
    public String toString() {
      return format;
    }
  }

  static List<Versions> otherRegistryFormats() {
    return List.of(
        new Versions(
            "PROTOBUF",
            RegisteredSchema.protobuf("syntax = \"proto3\"; message UserKey { int32 id = 1; }"),
            RegisteredSchema.protobuf("syntax = \"proto3\"; message User { string name = 1; }"),
            RegisteredSchema.protobuf("syntax = \"proto3\"; message UserKey { int64 id = 1; }"),
            RegisteredSchema.protobuf(
                "syntax = \"proto3\"; message User { string name = 1; string email = 2; }")),
        new Versions(
            "JSON_SR",
            RegisteredSchema.json("{\"type\":\"integer\"}"),
            RegisteredSchema.json(
                "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}"),
            RegisteredSchema.json("{\"type\":\"string\"}"),
            RegisteredSchema.json(
                "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
                    + "\"email\":{\"type\":\"string\"}}}")));
  }

  /** As for AVRO above: what is logged holds the format's columns and pinned ids alike. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("otherRegistryFormats")
  void aReplayedInferredSourceOfAnotherRegistryFormatKeepsItsColumnsAndIds(Versions versions) {
    int keyId = registry.register("users-key", versions.key());
    int valueId = registry.register("users-value", versions.value());
    DataSource accepted = createUsers(CREATE.replace("AVRO", versions.format()));
    registry.register("users-key", versions.newKey());
    registry.register("users-value", versions.newValue());

    DataSource replayed = replay(log.logged);
    DataSource planned = replay(List.of(StoredPlans.withoutSource(log.logged.get(0))));

    assertEquals(accepted, replayed);
    assertEquals(String.valueOf(keyId), schemaId(replayed, true));
    assertEquals(String.valueOf(valueId), schemaId(replayed, false));
    assertNotEquals(
        columns(accepted), columns(planned), "planned again, the new versions give other columns");
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

  /** The recording log encodes each command and reads it back, as the command topic holds it. */
  @Test
  void everyPartOfASourceIsLoggedAsItWasCreated() {
    String readings =
        "STREAM readings (id STRING KEY, at STRING, amount DECIMAL(10, 2)%s) "
            + "WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='DELIMITED', VALUE_DELIMITER='|', "
            + "TIMESTAMP='at', TIMESTAMP_FORMAT='yyyy-MM-dd HH:mm', PARTITIONS=2);";
    String sql =
        "CREATE "
            + readings.formatted("")
            + "CREATE STREAM events (tags MAP<STRING, ARRAY<STRUCT<`k` INT, v BOOLEAN>>>, "
            + "meta ARRAY<STRUCT<key STRING, value BYTES>> HEADERS) "
            + "WITH (KAFKA_TOPIC='events', VALUE_FORMAT='JSON', PARTITIONS=1);"
            + "CREATE STREAM traces (v INT, trace BYTES HEADER('trace')) "
            + "WITH (KAFKA_TOPIC='traces', VALUE_FORMAT='JSON', PARTITIONS=1);"
            + "CREATE SOURCE TABLE totals (id STRING PRIMARY KEY, total BIGINT) WITH ("
            + "KAFKA_TOPIC='totals', FORMAT='JSON', WINDOW_TYPE='HOPPING', WINDOW_SIZE='1 MINUTE');"
            + "CREATE OR REPLACE "
            + readings.formatted(", extra DOUBLE");
    List<DataSource> created = new ArrayList<>();
    try (StatementEngine engine = newEngine(log)) {
      Session session = Session.of(new HashMap<>(), Map.of());
      for (ParsedStatement statement : engine.parse(sql)) {
        engine.execute(statement, session);
        created.add(
            engine
                .catalogSnapshot()
                .source(((CreateSource) statement.statement()).name())
                .orElseThrow());
      }
    }

    assertEquals(
        created, log.logged.stream().map(c -> c.source().orElseThrow().change().source()).toList());
    assertEquals(
        List.of(false, false, false, false, true),
        log.logged.stream().map(c -> c.source().orElseThrow().change().replace()).toList());
  }

  /** Accepts the CREATE TABLE and returns the table it added. */
  private DataSource createUsers() {
    return createUsers(CREATE);
  }

  /** Accepts {@code create}, a CREATE TABLE of USERS, and returns the table it added. */
  private DataSource createUsers(String create) {
    try (StatementEngine engine = newEngine(log)) {
      Session session = Session.of(new HashMap<>(), Map.of());
      engine.execute(engine.parse(create).get(0), session);
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
