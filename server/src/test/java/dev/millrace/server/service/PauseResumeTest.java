package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.testing.TestRecord;
import dev.millrace.parser.ParsedStatement;
import dev.millrace.server.api.CommandStatusEntity;
import dev.millrace.server.api.KsqlEntity;
import dev.millrace.server.api.Queries;
import dev.millrace.server.api.QueryDescriptionEntity;
import dev.millrace.server.offline.InMemoryBackend;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PAUSE and RESUME through the statement engine, on the in-memory backend: a paused query reads
 * nothing, shows PAUSED, and on RESUME reads what waited, in order; a restarted engine restores it
 * paused.
 */
class PauseResumeTest {
  private static final FunctionRegistry FUNCTIONS = FunctionRegistry.builtIns();
  private static final String SETUP =
      "CREATE STREAM clicks (id STRING KEY, page STRING) WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON');"
          + "CREATE STREAM pages AS SELECT id, UCASE(page) AS page FROM clicks;"
          + "CREATE STREAM ids AS SELECT id, page FROM clicks;";

  private final RecordingCommandLog log = new RecordingCommandLog();
  private InMemoryBackend backend = new InMemoryBackend(FUNCTIONS);
  private StatementEngine engine = new StatementEngine(backend, log, FUNCTIONS, Map.of(), true);

  private List<KsqlEntity> run(String sql) {
    List<KsqlEntity> results = new ArrayList<>();
    for (ParsedStatement statement : engine.parse(sql)) {
      results.add(engine.execute(statement, Session.of(Map.of(), Map.of())));
    }
    return results;
  }

  private void click(String id, String page) {
    run("INSERT INTO clicks (id, page) VALUES ('" + id + "', '" + page + "');");
  }

  private List<String> values(String topic) {
    return backend.records(topic).stream()
        .map(TestRecord::value)
        .map(value -> new String(value, StandardCharsets.UTF_8))
        .toList();
  }

  private String state(String queryId) {
    Queries queries = (Queries) run("SHOW QUERIES;").get(0);
    String shown =
        queries.queries().stream()
            .filter(q -> q.id().equals(queryId))
            .findFirst()
            .orElseThrow()
            .state();
    QueryDescriptionEntity explained =
        (QueryDescriptionEntity) run("EXPLAIN " + queryId + ";").get(0);
    assertEquals(shown, explained.queryDescription().state(), "SHOW QUERIES and EXPLAIN agree");
    return shown;
  }

  @Test
  void aPausedQueryReadsNothingAndOnResumeReadsWhatWaitedInOrder() {
    run(SETUP);
    click("a", "home");

    CommandStatusEntity paused = (CommandStatusEntity) run("PAUSE CSAS_PAGES_0;").get(0);
    click("b", "cart");
    click("c", "shop");

    assertEquals("Query paused.", paused.commandStatus().message());
    assertEquals("PAUSED", state("CSAS_PAGES_0"));
    assertEquals("RUNNING", state("CSAS_IDS_1"));
    assertEquals(List.of("{\"PAGE\":\"HOME\"}"), values("PAGES"));
    assertEquals(3, values("IDS").size(), "the other query reads on");

    CommandStatusEntity resumed = (CommandStatusEntity) run("RESUME CSAS_PAGES_0;").get(0);

    assertEquals("Query resumed.", resumed.commandStatus().message());
    assertEquals("RUNNING", state("CSAS_PAGES_0"));
    assertEquals(
        List.of("{\"PAGE\":\"HOME\"}", "{\"PAGE\":\"CART\"}", "{\"PAGE\":\"SHOP\"}"),
        values("PAGES"));
  }

  @Test
  void allPausesAndResumesEveryPersistentQuery() {
    run(SETUP + "PAUSE ALL;");
    click("a", "home");

    assertEquals("PAUSED", state("CSAS_PAGES_0"));
    assertEquals("PAUSED", state("CSAS_IDS_1"));
    assertEquals(List.of(), values("IDS"));

    run("RESUME ALL;");

    assertEquals("RUNNING", state("CSAS_IDS_1"));
    assertEquals(List.of("{\"PAGE\":\"HOME\"}"), values("PAGES"));
    assertEquals(1, values("IDS").size());
  }

  @Test
  void anUnknownQueryIdIsAnErrorThatSaysWhere() {
    run(SETUP);

    EngineException unknown =
        assertThrows(EngineException.class, () -> run("SHOW QUERIES;\n  PAUSE CSAS_NOPE_7;"));

    assertEquals("line 2:3: Unknown queryId: CSAS_NOPE_7", unknown.getMessage());
    assertEquals(ErrorCode.BAD_STATEMENT, unknown.errorCode());
    assertEquals(3, log.logged.size(), "nothing logged");
    assertEquals("RUNNING", state("CSAS_PAGES_0"));
  }

  @Test
  void aRestartedEngineRestoresPausedQueriesPausedAndResumedOnesRunning() {
    run(SETUP + "PAUSE ALL; RESUME CSAS_IDS_1;");

    backend = new InMemoryBackend(FUNCTIONS);
    engine = new StatementEngine(backend, CommandSink.NONE, FUNCTIONS, Map.of(), true);
    assertEquals(List.of(), engine.replay(log.logged));
    click("a", "home");

    assertEquals("PAUSED", state("CSAS_PAGES_0"));
    assertEquals("RUNNING", state("CSAS_IDS_1"));
    assertEquals(List.of(), values("PAGES"));
    assertEquals(1, values("IDS").size());

    run("RESUME CSAS_PAGES_0;");

    assertEquals(List.of("{\"PAGE\":\"HOME\"}"), values("PAGES"));
  }

  @Test
  void terminatingAPausedQueryForgetsThePause() {
    run(SETUP + "PAUSE CSAS_PAGES_0; TERMINATE CSAS_PAGES_0;");

    StatementEngine restarted =
        new StatementEngine(
            new InMemoryBackend(FUNCTIONS), CommandSink.NONE, FUNCTIONS, Map.of(), true);

    assertEquals(List.of(), restarted.replay(log.logged));
    assertEquals(List.of("CSAS_IDS_1"), List.copyOf(restarted.queries().keySet()));
  }

  @Test
  void replayingPauseResumeAndTerminateLogsThemNoSecondTime() {
    run(SETUP + "PAUSE ALL; RESUME CSAS_IDS_1; TERMINATE CSAS_PAGES_0;");
    RecordingCommandLog relogged = new RecordingCommandLog();

    StatementEngine restarted =
        new StatementEngine(new InMemoryBackend(FUNCTIONS), relogged, FUNCTIONS, Map.of(), true);

    assertEquals(List.of(), restarted.replay(log.logged));
    assertEquals(List.of(), relogged.logged);
  }
}
