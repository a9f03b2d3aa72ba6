package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.parser.ParsedStatement;
import dev.millrace.server.api.KsqlEntity;
import dev.millrace.server.api.QueryDescriptionEntity;
import dev.millrace.server.offline.InMemoryBackend;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** EXPLAIN ANALYZE of a query that cannot be found: what the user is told, and where. */
class ExplainAnalyzeErrorsTest {
  private static final FunctionRegistry FUNCTIONS = FunctionRegistry.builtIns();
  private static final String SETUP =
      "CREATE STREAM s (id INT KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON');"
          + "CREATE STREAM a AS SELECT id, v FROM s;"
          + "CREATE STREAM b AS SELECT id, v FROM s;"
          + "CREATE STREAM c AS SELECT id, v + 1 AS w FROM s;";

  private final StatementEngine engine =
      new StatementEngine(
          new InMemoryBackend(FUNCTIONS), new RecordingCommandLog(), FUNCTIONS, Map.of(), true);

  private KsqlEntity run(String sql) {
    KsqlEntity last = null;
    for (ParsedStatement statement : engine.parse(sql)) {
      last = engine.execute(statement, Session.of(new HashMap<>(), Map.of()));
    }
    return last;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "EXPLAIN ANALYZE CSAS_X_9;",
            "Query with id:CSAS_X_9 does not exist, use SHOW QUERIES to view the full set of"
                + " running queries."),
        Arguments.of(
            "EXPLAIN ANALYZE SELECT id FROM s EMIT CHANGES;",
            "line 1:1: No running query runs this statement; use SHOW QUERIES to view the running"
                + " queries."),
        Arguments.of(
            "EXPLAIN ANALYZE SELECT id, v FROM s;",
            "line 1:1: Several running queries run this statement (CSAS_A_0, CSAS_B_1); EXPLAIN"
                + " ANALYZE one of them by id."),
        Arguments.of(
            "\n  EXPLAIN ANALYZE SHOW STREAMS;",
            "line 2:3: EXPLAIN ANALYZE takes a query id, a CREATE ... AS SELECT, an INSERT INTO"
                + " ... SELECT or the SELECT of a running query"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aQueryThatCannotBeFoundIsABadStatement(String sql, String message) {
    run(SETUP);
    EngineException error = assertThrows(EngineException.class, () -> run(sql));
    assertEquals(ErrorCode.BAD_STATEMENT, error.errorCode());
    assertEquals(message, error.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namings")
  void aQueryIsFoundByIdOrByTheStatementItRuns(String sql) {
    run(SETUP);
    QueryDescriptionEntity found = (QueryDescriptionEntity) run(sql);
    assertEquals("CSAS_C_2", found.queryDescription().id());
  }

  static Stream<String> namings() {
    return Stream.of(
        "EXPLAIN ANALYZE csas_c_2;",
        "explain analyze select ID, v+1 as W from S emit changes;",
        "EXPLAIN ANALYZE CREATE STREAM c AS SELECT id, v + 1 AS w FROM s;");
  }
}
