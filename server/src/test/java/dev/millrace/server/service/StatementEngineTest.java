package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.registry.UnconfiguredSchemaRegistry;
import dev.millrace.parser.ParsedStatement;
import dev.millrace.server.api.CommandStatusEntity;
import dev.millrace.server.api.FunctionDescriptionList;
import dev.millrace.server.api.FunctionNameList;
import dev.millrace.server.api.KsqlEntity;
import dev.millrace.server.api.Queries;
import dev.millrace.server.api.QueryDescriptionEntity;
import dev.millrace.server.api.QueryErrorInfo;
import dev.millrace.server.api.SourceDescriptionEntity;
import dev.millrace.server.api.StreamsList;
import dev.millrace.server.offline.InMemoryBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The statement engine over the in-memory backend: real parser, planner and operators. */
class StatementEngineTest {
  private static final FunctionRegistry FUNCTIONS = FunctionRegistry.builtIns();

  private final RecordingCommandLog log = new RecordingCommandLog();
  private final StatementEngine engine = newEngine(log);
  private final Session session = Session.of(Map.of(), Map.of());

  private static StatementEngine newEngine(CommandSink sink) {
    return new StatementEngine(new InMemoryBackend(FUNCTIONS), sink, FUNCTIONS, Map.of(), true);
  }

  private List<KsqlEntity> run(String sql) {
    List<KsqlEntity> results = new ArrayList<>();
    for (ParsedStatement statement : engine.parse(sql)) {
      results.add(engine.execute(statement, session));
    }
    return results;
  }

  private void createPageviewsAndCounts() {
    run(
        "CREATE STREAM pageviews (user_id STRING KEY, page STRING) WITH (KAFKA_TOPIC='pageviews', VALUE_FORMAT='JSON');"
            + "CREATE TABLE counts AS SELECT user_id, COUNT(*) AS views FROM pageviews GROUP BY user_id;");
  }

  @Test
  void aPersistentQueryIsLoggedListedAndExplained() {
    createPageviewsAndCounts();

    Queries queries = (Queries) run("SHOW QUERIES;").get(0);
    QueryDescriptionEntity explained =
        (QueryDescriptionEntity) run("EXPLAIN CTAS_COUNTS_0;").get(0);

    assertEquals(List.of("CTAS_COUNTS_0"), queries.queries().stream().map(q -> q.id()).toList());
    assertEquals(List.of("COUNTS"), explained.queryDescription().sinks());
    assertTrue(
        explained.queryDescription().executionPlan().contains("Aggregate"),
        explained.queryDescription().executionPlan());
    assertEquals(2, log.logged.size());
  }

  @Test
  void offlineOnlyPartitionCountsTheStatementsChoseMustAgreeForAJoin() {
    run(
        "CREATE STREAM clicks (id STRING KEY, page STRING) WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON', PARTITIONS=1);"
            + "CREATE TABLE users (id STRING PRIMARY KEY, name STRING) WITH (KAFKA_TOPIC='users', VALUE_FORMAT='JSON', "
            + "PARTITIONS=2);"
            + "CREATE TABLE places (id STRING PRIMARY KEY, name STRING) WITH (KAFKA_TOPIC='places', VALUE_FORMAT='JSON');");

    EngineException mismatch =
        assertThrows(
            EngineException.class,
            () ->
                run(
                    "CREATE STREAM named AS SELECT c.id, u.name FROM clicks c JOIN users u ON c.id = u.id;"));
    assertTrue(
        mismatch
            .getMessage()
            .startsWith(
                "line 1:1: Cannot join `CLICKS` (1 partition) with `USERS` (2 " + "partitions)"),
        mismatch.getMessage());
    // PLACES' topic was made when needed, with one partition a cluster would have had the user
    // choose.
    run("CREATE STREAM placed AS SELECT c.id, p.name FROM clicks c JOIN places p ON c.id = p.id;");
  }

  @Test
  void readingStatementsAreNotLogged() {
    createPageviewsAndCounts();
    run("SHOW STREAMS; DESCRIBE pageviews; SET 'auto.offset.reset'='earliest';");

    assertEquals(2, log.logged.size());
    assertEquals("earliest", session.properties().get("auto.offset.reset"));
  }

  @Test
  void replayingTheLogRebuildsCatalogAndQueries() {
    createPageviewsAndCounts();
    run(
        "TERMINATE CTAS_COUNTS_0; CREATE STREAM clicks (id INT KEY) WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON');");

    StatementEngine restarted = newEngine(CommandSink.NONE);
    List<String> skipped = restarted.replay(log.logged);

    assertEquals(List.of(), skipped);
    assertEquals(
        List.of("CLICKS", "COUNTS", "PAGEVIEWS"),
        restarted.catalogSnapshot().sources().stream().map(s -> s.name()).toList());
    assertTrue(restarted.queries().isEmpty(), "the terminated query stays terminated");
  }

  private static final String NAMES =
      "CREATE STREAM names (id STRING KEY, name STRING) WITH (KAFKA_TOPIC='names', VALUE_FORMAT='JSON');";

  @Test
  void aRestoredQueryRunsItsStoredPlanNotItsStatementPlannedAgain() throws Exception {
    run(NAMES + "CREATE STREAM shouted AS SELECT id, UCASE(name) AS name FROM names;");
    // As if an older planner had planned the statement otherwise: the stored plan calls LCASE.
    List<LoggedCommand> stored =
        List.of(
            log.logged.get(0),
            StoredPlans.edited(log.logged.get(1), plan -> plan.replace("\"UCASE\"", "\"LCASE\"")));
    StatementEngine restarted = newEngine(CommandSink.NONE);

    assertEquals(List.of(), restarted.replay(stored));
    run(restarted, "INSERT INTO names (id, name) VALUES ('1', 'Alice');");

    assertEquals(List.of("{\"NAME\":\"alice\"}"), values(restarted, "SHOUTED"));
    assertEquals(Map.of("CSAS_SHOUTED_0", "RUNNING"), states(restarted));
  }

  @Test
  void aStoredPlanThatCannotBeReadLeavesItsQueryInErrorAndTheOthersRunning() throws Exception {
    run(
        NAMES
            + "CREATE STREAM shouted AS SELECT id, UCASE(name) AS name FROM names;"
            + "CREATE STREAM copied AS SELECT * FROM names;");
    List<LoggedCommand> stored =
        List.of(
            log.logged.get(0),
            StoredPlans.edited(
                log.logged.get(1), plan -> plan.replace("\"version\":1", "\"version\":99")),
            log.logged.get(2));
    StatementEngine restarted = newEngine(CommandSink.NONE);

    assertEquals(List.of(), restarted.replay(stored));
    run(restarted, "INSERT INTO names (id, name) VALUES ('1', 'Alice');");
    QueryDescriptionEntity broken =
        (QueryDescriptionEntity) run(restarted, "EXPLAIN CSAS_SHOUTED_0;").get(0);
    CommandStatusEntity created =
        (CommandStatusEntity)
            run(restarted, "CREATE STREAM again AS SELECT * FROM shouted;").get(0);

    assertEquals(
        Map.of("CSAS_SHOUTED_0", "ERROR", "CSAS_COPIED_1", "RUNNING", "CSAS_AGAIN_2", "RUNNING"),
        states(restarted));
    assertEquals("ERROR", broken.queryDescription().state());
    assertEquals(
        "the stored plan has format version 99, and this server reads version 1 only",
        ((QueryErrorInfo) broken.queryDescription().queryErrors().get(0)).errorMessage());
    assertEquals(List.of("{\"NAME\":\"Alice\"}"), values(restarted, "COPIED"));
    assertEquals(List.of(), values(restarted, "SHOUTED"));
    assertEquals("Created query with ID CSAS_AGAIN_2", created.commandStatus().message());
  }

  @Test
  void aStoredPlanThisVersionCannotRunLeavesItsQueryInError() throws Exception {
    run(NAMES + "CREATE STREAM shouted AS SELECT id, UCASE(name) AS name FROM names;");
    List<LoggedCommand> stored =
        List.of(
            log.logged.get(0),
            StoredPlans.edited(
                log.logged.get(1), plan -> plan.replace("\"UCASE\"", "\"RETIRED_FN\"")));
    StatementEngine restarted = newEngine(CommandSink.NONE);

    assertEquals(List.of(), restarted.replay(stored));

    assertEquals(Map.of("CSAS_SHOUTED_0", "ERROR"), states(restarted));
    String reason = restarted.queries().get("CSAS_SHOUTED_0").error().orElseThrow().message();
    assertTrue(
        reason.startsWith("its stored plan could not be started: ")
            && reason.contains("RETIRED_FN"),
        reason);
    assertTrue(restarted.catalogSnapshot().source("SHOUTED").isPresent());
  }

  @Test
  void aQueryLoggedWithoutItsPlanByAnEarlierVersionIsPlannedAgain() {
    run(NAMES + "CREATE STREAM shouted AS SELECT id, UCASE(name) AS name FROM names;");
    LoggedCommand earlier = StoredPlans.withoutPlan(log.logged.get(1));
    StatementEngine restarted = newEngine(CommandSink.NONE);

    assertEquals(List.of(), restarted.replay(List.of(log.logged.get(0), earlier)));
    run(restarted, "INSERT INTO names (id, name) VALUES ('1', 'Alice');");

    assertEquals(List.of("{\"NAME\":\"ALICE\"}"), values(restarted, "SHOUTED"));
  }

  /**
   * A command log written in version 1 of the stored-plan format (by the code of that version): a
   * change to plan steps or to the catalog's records must keep it restoring, and running.
   */
  @Test
  void aCommandLogStoredInPlanFormatVersion1StillRestoresAndRuns() throws Exception {
    List<String> records =
        Files.readAllLines(
            Path.of(getClass().getResource("/command-log/v1.jsonl").toURI()),
            StandardCharsets.UTF_8);
    List<LoggedCommand> commands = new ArrayList<>();
    for (String record : records) {
      commands.add(CommandCodec.decode(commands.size(), record.getBytes(StandardCharsets.UTF_8)));
    }
    StatementEngine restarted = newEngine(CommandSink.NONE);

    assertEquals(List.of(), restarted.replay(commands));
    run(
        restarted,
        "INSERT INTO names (id, name) VALUES ('1', 'Alice');"
            + "INSERT INTO names (id, name) VALUES ('2', 'Bob');"
            + "INSERT INTO names (id, name) VALUES ('3', 'Alice');");

    assertEquals(
        Map.of("CSAS_SHOUTED_0", "RUNNING", "CTAS_COUNTS_1", "RUNNING"), states(restarted));
    assertEquals(
        List.of("{\"NAME\":\"ALICE\"}", "{\"NAME\":\"ALICE\"}"), values(restarted, "SHOUTED"));
    assertEquals(List.of("{\"N\":1}", "{\"N\":1}", "{\"N\":2}"), values(restarted, "COUNTS"));
  }

  private List<KsqlEntity> run(StatementEngine target, String sql) {
    List<KsqlEntity> results = new ArrayList<>();
    for (ParsedStatement statement : target.parse(sql)) {
      results.add(target.execute(statement, session));
    }
    return results;
  }

  private static List<String> values(StatementEngine target, String topic) {
    return target.backend().readTopic(topic).stream()
        .map(r -> new String(r.value(), StandardCharsets.UTF_8))
        .toList();
  }

  private static Map<String, String> states(StatementEngine target) {
    Map<String, String> states = new TreeMap<>();
    target.queries().forEach((id, query) -> states.put(id, query.state()));
    return states;
  }

  @Test
  void droppingASourceThatAQueryReadsIsRefused() {
    createPageviewsAndCounts();

    EngineException refused =
        assertThrows(EngineException.class, () -> run("DROP STREAM pageviews;"));

    assertTrue(refused.getMessage().contains("CTAS_COUNTS_0"), refused.getMessage());
    assertEquals(ErrorCode.BAD_STATEMENT, refused.errorCode());
  }

  @Test
  void describeShowsColumnsAndTheWritingQuery() {
    createPageviewsAndCounts();

    SourceDescriptionEntity described = (SourceDescriptionEntity) run("DESCRIBE counts;").get(0);

    assertEquals(
        List.of("USER_ID", "VIEWS"),
        described.sourceDescription().fields().stream().map(f -> f.name()).toList());
    assertEquals("CTAS_COUNTS_0", described.sourceDescription().writeQueries().get(0).id());
  }

  @Test
  void mistakesNameThePlaceAndKeepTheCatalogUnchanged() {
    EngineException syntax =
        assertThrows(
            EngineException.class, () -> run("CREATE STREAM s (a INT) WITH KAFKA_TOPIC='s';"));
    EngineException unknown =
        assertThrows(EngineException.class, () -> run("SELECT nope FROM missing EMIT CHANGES;"));

    assertTrue(syntax.getMessage().startsWith("line 1:"), syntax.getMessage());
    assertTrue(unknown.getMessage().startsWith("line 1:"), unknown.getMessage());
    assertEquals(0, ((StreamsList) run("SHOW STREAMS;").get(0)).streams().size());
    assertEquals(0, log.logged.size());
  }

  @Test
  void withoutASchemaRegistryRegistryFormatsAreRefusedAndOthersWork() {
    StatementEngine unconfigured =
        new StatementEngine(
            new InMemoryBackend(FUNCTIONS, UnconfiguredSchemaRegistry.INSTANCE),
            log,
            FUNCTIONS,
            Map.of(),
            true);

    EngineException avro =
        assertThrows(
            EngineException.class,
            () ->
                unconfigured.execute(
                    unconfigured
                        .parse(
                            "CREATE STREAM s (a INT) WITH (kafka_topic='s', value_format='AVRO', partitions=1);")
                        .get(0),
                    session));
    unconfigured.execute(
        unconfigured
            .parse(
                "CREATE STREAM j (a INT) WITH (kafka_topic='j', value_format='JSON', partitions=1);")
            .get(0),
        session);

    assertEquals(
        "line 1:48: The 'AVRO' format: This format needs a schema registry, but 'ksql.schema.registry.url' "
            + "is not set. Set it to the URL of a Confluent-compatible schema registry.",
        avro.getMessage());
    assertEquals(ErrorCode.BAD_STATEMENT, avro.errorCode());
    assertEquals(1, log.logged.size());
  }

  @Test
  void terminatingAnUnknownQueryIsAnError() {
    assertThrows(EngineException.class, () -> run("TERMINATE CSAS_NOPE_7;"));
    assertTrue(run("SHOW QUERIES;").get(0) instanceof Queries);
    assertTrue(log.logged.isEmpty());
  }

  @Test
  void createReportsSuccessWithACommandId() {
    CommandStatusEntity created =
        (CommandStatusEntity)
            run("CREATE STREAM s (a INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON');").get(0);

    assertEquals("Stream created", created.commandStatus().message());
    assertEquals("stream/`S`/create", created.commandId());
  }

  @Test
  void describeFunctionListsEverySignatureAndShowFunctionsItsCategory() {
    FunctionDescriptionList substring =
        (FunctionDescriptionList) run("DESCRIBE FUNCTION substring;").get(0);
    FunctionNameList all = (FunctionNameList) run("SHOW FUNCTIONS;").get(0);

    assertEquals("SUBSTRING", substring.name());
    assertEquals("SCALAR", substring.type());
    assertEquals("internal", substring.path());
    assertTrue(
        substring.functions().stream()
            .anyMatch(
                f ->
                    f.returnType().equals("STRING")
                        && f.arguments().stream()
                            .map(a -> a.type())
                            .toList()
                            .equals(List.of("STRING", "INTEGER", "INTEGER"))),
        substring.functions().toString());
    assertEquals(
        "TABLE", ((FunctionDescriptionList) run("DESCRIBE FUNCTION EXPLODE;").get(0)).type());
    assertEquals(
        "STRING",
        all.functions().stream()
            .filter(f -> f.name().equals("SUBSTRING"))
            .findFirst()
            .orElseThrow()
            .category());
  }

  @Test
  void describingAnUnknownFunctionIsAnError() {
    EngineException error =
        assertThrows(EngineException.class, () -> run("DESCRIBE FUNCTION no_such_fn;"));

    assertEquals("Can't find any functions with the name 'NO_SUCH_FN'", error.getMessage());
  }
}
