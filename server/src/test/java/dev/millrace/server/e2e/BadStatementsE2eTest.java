package dev.millrace.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.server.MillraceServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Statements a server cannot run are rejected over REST as ksqlDB rejects them: HTTP 400, error
 * code 40001, and a message that starts with the line and column of the offending token and names
 * what is wrong. Nothing of a rejected statement is created.
 */
class BadStatementsE2eTest {

  @TempDir static Path dataDir;

  private static MillraceServer server;
  private static RestClient client;

  @BeforeAll
  static void startServer() throws Exception {
    server = E2eServers.start(dataDir);
    client = new RestClient(server.uri());
    client.ksqlOk(
        "CREATE STREAM orders (id STRING KEY, amount INT, item STRING) "
            + "WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=1);");
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  static Stream<Arguments> badStatements() {
    return Stream.of(
        Arguments.of(
            "a syntax error, on the fourth line",
            "CREATE STREAM big AS\n  SELECT id, amount\n  FROM orders\n  WHERE amount > > 10;",
            "line 4:18:",
            List.of("'>'")),
        Arguments.of(
            "a misspelt keyword",
            "CREATE STREM big AS SELECT id FROM orders;",
            "line 1:8:",
            List.of("'STREM'")),
        Arguments.of(
            "an unknown column, with the closest name suggested",
            "CREATE STREAM big AS SELECT id, amont FROM orders;",
            "line 1:33:",
            List.of("AMONT", "AMOUNT")),
        Arguments.of(
            "an unknown stream",
            "CREATE STREAM big AS SELECT id FROM ordrs;",
            "line 1:37:",
            List.of("ORDRS", "ORDERS")),
        Arguments.of(
            "a comparison of two types",
            "CREATE STREAM big AS SELECT id FROM orders WHERE item = 1;",
            "line 1:50:",
            List.of("STRING", "INTEGER")),
        Arguments.of(
            "arithmetic on a string",
            "CREATE STREAM big AS SELECT id, item + 1 AS more FROM orders;",
            "line 1:33:",
            List.of("STRING", "INTEGER")),
        Arguments.of(
            "a statement nested too deeply",
            "CREATE STREAM big AS SELECT "
                + "ABS(".repeat(1000)
                + "amount"
                + ")".repeat(1000)
                + " FROM orders;",
            "line 1:832:",
            List.of("nested too deeply", "200 levels")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badStatements")
  void isRejectedWithWhereAndWhat(String what, String sql, String position, List<String> named)
      throws Exception {
    RestClient.Answer answer = client.ksql(sql, Map.of());

    assertEquals(400, answer.status(), () -> answer.body().toString());
    JsonNode error = answer.body();
    assertEquals("statement_error", error.path("@type").asText(), error::toString);
    assertEquals(40001, error.path("error_code").asInt(), error::toString);
    String message = error.path("message").asText();
    assertTrue(
        message.startsWith(position),
        () -> "expected " + position + " at the start of: " + message);
    for (String name : named) {
      assertTrue(message.contains(name), () -> "expected " + name + " in: " + message);
    }
    assertFalse(
        message.contains("Exception") || message.contains("\tat "),
        () -> "a stack trace: " + message);
    assertEquals(sql, error.path("statementText").asText(), error::toString);
  }

  @Test
  void aRejectedQueryOnTheQueryStreamEndpointSaysWhereToo() throws Exception {
    RestClient.Answer answer =
        client.queryStreamError("SELECT id, amont FROM orders EMIT CHANGES;");

    assertEquals(400, answer.status(), () -> answer.body().toString());
    assertEquals(40001, answer.body().path("error_code").asInt(), answer.body()::toString);
    assertTrue(
        answer.body().path("message").asText().startsWith("line 1:12:"), answer.body()::toString);
  }

  @Test
  void aGeneratedFilterOfTwoThousandTermsIsAccepted() throws Exception {
    String where =
        java.util.stream.IntStream.range(0, 2000)
            .mapToObj(i -> "amount <> " + i)
            .collect(java.util.stream.Collectors.joining(" AND "));
    RestClient.Answer answer =
        client.ksql("EXPLAIN SELECT id FROM orders WHERE " + where + " EMIT CHANGES;", Map.of());

    assertEquals(200, answer.status(), () -> answer.body().toString());
    assertEquals(
        "queryDescription", answer.body().get(0).path("@type").asText(), answer.body()::toString);
  }

  @Test
  void nothingOfARejectedStatementIsCreated() throws Exception {
    client.ksql("CREATE STREAM big AS SELECT id, amont FROM orders;", Map.of());

    JsonNode streams = client.ksqlOk("SHOW STREAMS;").get(0).get("streams");
    assertFalse(streams.toString().contains("\"BIG\""), streams::toString);
    assertEquals(0, client.ksqlOk("SHOW QUERIES;").get(0).get("queries").size());
  }
}
