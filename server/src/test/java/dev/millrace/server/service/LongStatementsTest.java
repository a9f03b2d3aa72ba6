package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.parser.ParsedStatement;
import dev.millrace.server.api.QueryDescriptionEntity;
import dev.millrace.server.offline.InMemoryBackend;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Generated statements with thousands of terms go through every stage (parser, analyzer, Calcite,
 * translation, the engine's compiler and operators) and give the right rows; statements nested
 * beyond the limit are refused as statement errors, not server errors.
 */
class LongStatementsTest {
  private static final FunctionRegistry FUNCTIONS = FunctionRegistry.builtIns();

  private final InMemoryBackend backend = new InMemoryBackend(FUNCTIONS);
  private final StatementEngine engine =
      new StatementEngine(backend, CommandSink.NONE, FUNCTIONS, Map.of(), true);
  private final Session session = Session.of(Map.of(), Map.of());

  private void run(String sql) {
    for (ParsedStatement statement : engine.parse(sql)) {
      engine.execute(statement, session);
    }
  }

  @Test
  void aFilterOfTwoThousandAndedTermsRuns() {
    // N + i <> 2000 for every i in 0..1999 holds exactly when N is outside 1..2000.
    String where =
        IntStream.range(0, 2000)
            .mapToObj(i -> "n + " + i + " <> 2000")
            .collect(Collectors.joining(" AND "));
    run(
        "CREATE STREAM nums (id INT KEY, n INT) WITH (kafka_topic='nums', value_format='JSON', "
            + "partitions=1);"
            + "CREATE STREAM kept AS SELECT id, n FROM nums WHERE "
            + where
            + ";"
            + "INSERT INTO nums (id, n) VALUES (1, 0);"
            + "INSERT INTO nums (id, n) VALUES (2, 5);"
            + "INSERT INTO nums (id, n) VALUES (3, 2000);"
            + "INSERT INTO nums (id, n) VALUES (4, 2001);");

    assertEquals(List.of("{\"N\":0}", "{\"N\":2001}"), values("KEPT"));
    QueryDescriptionEntity explained =
        (QueryDescriptionEntity)
            engine.execute(engine.parse("EXPLAIN CSAS_KEPT_0;").get(0), session);
    assertTrue(explained.queryDescription().executionPlan().contains("(N + 1999)"));
  }

  @Test
  void twoThousandOredEqualitiesAndAnInListOfThemRun() {
    // Calcite turns both into one search over 2,000 points; the engine gets a balanced tree.
    String ors =
        IntStream.range(0, 2000)
            .mapToObj(i -> "n = " + (i * 2))
            .collect(Collectors.joining(" OR "));
    String in =
        IntStream.range(0, 2000)
            .mapToObj(i -> String.valueOf(i * 2))
            .collect(Collectors.joining(", "));
    run(
        "CREATE STREAM nums (id INT KEY, n INT) WITH (kafka_topic='nums', value_format='JSON', "
            + "partitions=1);"
            + "CREATE STREAM evens AS SELECT id, n FROM nums WHERE "
            + ors
            + ";"
            + "CREATE STREAM evens_too AS SELECT id, n FROM nums WHERE n IN ("
            + in
            + ");"
            + "INSERT INTO nums (id, n) VALUES (1, 3998);"
            + "INSERT INTO nums (id, n) VALUES (2, 3);"
            + "INSERT INTO nums (id, n) VALUES (3, 4000);");

    List<String> expected = List.of("{\"N\":3998}");
    assertEquals(expected, values("EVENS"));
    assertEquals(expected, values("EVENS_TOO"));
  }

  private List<String> values(String topic) {
    return backend.records(topic).stream()
        .map(record -> new String(record.value(), StandardCharsets.UTF_8))
        .toList();
  }

  @Test
  void tooDeepANestingIsAStatementError() {
    run(
        "CREATE STREAM nums (id INT KEY, n INT) WITH (kafka_topic='nums', value_format='JSON', "
            + "partitions=1);");
    String sql = "SELECT " + "ABS(".repeat(1000) + "n" + ")".repeat(1000) + " FROM nums;";

    EngineException error = assertThrows(EngineException.class, () -> run(sql));

    assertEquals(ErrorCode.BAD_STATEMENT, error.errorCode());
    assertEquals(
        "line 1:811: statement is nested too deeply: the limit is 200 levels", error.getMessage());
  }

  @Test
  void nestingUpToTheLimitRuns() {
    run(
        "CREATE STREAM nums (id INT KEY, n INT) WITH (kafka_topic='nums', value_format='JSON', "
            + "partitions=1);"
            + "CREATE STREAM deep AS SELECT id, "
            + "ABS(".repeat(199)
            + "n"
            + ")".repeat(199)
            + " AS a, n"
            + " + 1".repeat(199)
            + " AS b FROM nums;"
            + "INSERT INTO nums (id, n) VALUES (1, -3);");

    assertEquals(List.of("{\"A\":3,\"B\":196}"), values("DEEP"));
  }
}
