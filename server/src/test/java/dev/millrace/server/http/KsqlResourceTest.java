package dev.millrace.server.http;

import static dev.millrace.server.http.TestServer.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.server.service.StatementRequest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /ksql}: statement batches, their results and their errors. */
class KsqlResourceTest {

  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void runsEveryStatementAndAnswersOneEntityEach() throws Exception {
    HttpResponse<String> response =
        server.send(
            server.post(
                "/ksql",
                """
        {"ksql": "CREATE STREAM A (X INT) WITH (KAFKA_TOPIC='a', VALUE_FORMAT='JSON'); SHOW STREAMS;",
         "streamsProperties": {"auto.offset.reset": "earliest"},
         "sessionVariables": {"topic": "a"},
         "commandSequenceNumber": 3}"""));

    assertEquals(200, response.statusCode());
    assertEquals(
        "application/vnd.ksql.v1+json",
        response.headers().firstValue("Content-Type").orElseThrow());
    assertJson(
        """
        [{"@type": "currentStatus",
          "statementText": "CREATE STREAM A (X INT) WITH (KAFKA_TOPIC='a', VALUE_FORMAT='JSON');",
          "commandId": "stream/A/create",
          "commandStatus": {"status": "SUCCESS", "message": "Stream created", "queryId": null},
          "commandSequenceNumber": 1,
          "warnings": []},
         {"@type": "streams",
          "statementText": "SHOW STREAMS;",
          "streams": [{"type": "STREAM", "name": "PAGEVIEWS", "topic": "pageviews",
                       "keyFormat": "KAFKA", "valueFormat": "JSON", "isWindowed": false}],
          "warnings": []}]""",
        response.body());
    assertEquals(
        new StatementRequest(
            "CREATE STREAM A (X INT) WITH (KAFKA_TOPIC='a', VALUE_FORMAT='JSON'); SHOW STREAMS;",
            Map.of("auto.offset.reset", "earliest"),
            Map.of("topic", "a"),
            OptionalLong.of(3)),
        server.engine.executed.get(0));
  }

  @Test
  void answersPlainJsonToClientsThatAskForIt() throws Exception {
    HttpResponse<String> response =
        server.send(
            HttpRequest.newBuilder(server.uri("/ksql"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ksql\": \"SHOW STREAMS;\"}")));

    assertEquals(200, response.statusCode());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void acceptsCurlDefaultsWithoutHeaders() throws Exception {
    HttpResponse<String> response =
        server.send(
            HttpRequest.newBuilder(server.uri("/ksql"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ksql\": \"SHOW STREAMS;\"}")));

    assertEquals(200, response.statusCode());
  }

  @Test
  void failingStatementNamesItselfAndCarriesTheResultsBeforeIt() throws Exception {
    HttpResponse<String> response =
        server.send(
            server.post(
                "/ksql",
                "{\"ksql\": \"CREATE STREAM B (X INT); SELEKT * FROM B; SHOW STREAMS;\"}"));

    assertEquals(400, response.statusCode());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    assertJson(
        """
        {"@type": "statement_error",
         "error_code": 40001,
         "message": "line 1:1: Syntax error at or near 'SELEKT'",
         "statementText": "SELEKT * FROM B;",
         "entities": [{"@type": "currentStatus",
                       "statementText": "CREATE STREAM B (X INT);",
                       "commandId": "stream/B/create",
                       "commandStatus": {"status": "SUCCESS", "message": "Stream created",
                                         "queryId": null},
                       "commandSequenceNumber": 1,
                       "warnings": []}]}""",
        response.body());
  }

  @Test
  void queriesBelongOnTheQueryEndpoints() throws Exception {
    HttpResponse<String> response =
        server.send(server.post("/ksql", "{\"ksql\": \"SELECT * FROM PAGEVIEWS EMIT CHANGES;\"}"));

    assertEquals(400, response.statusCode());
    assertJson(
        """
        {"@type": "statement_error", "error_code": 40002,
         "message": "SELECT statements run on /query or /query-stream",
         "statementText": "SELECT * FROM PAGEVIEWS EMIT CHANGES;", "entities": []}""",
        response.body());
  }

  @Test
  void unexpectedEngineFailureIsA500WithItsMessageOnly() throws Exception {
    HttpResponse<String> response = server.send(server.post("/ksql", "{\"ksql\": \"EXPLODE;\"}"));

    assertEquals(500, response.statusCode());
    assertJson(
        """
        {"@type": "generic_error", "error_code": 50000, "message": "catalog is corrupted"}""",
        response.body());
  }

  @Test
  void aStackOverflowIsA400AndTheConnectionServesTheNextRequest() throws Exception {
    HttpResponse<String> response = server.send(server.post("/ksql", "{\"ksql\": \"OVERFLOW;\"}"));

    assertEquals(400, response.statusCode());
    assertJson(
        """
        {"@type": "generic_error", "error_code": 40000,
         "message": "The request is nested too deeply to be handled: simplify its expressions"}""",
        response.body());
    assertEquals(
        200, server.send(server.post("/ksql", "{\"ksql\": \"SHOW STREAMS;\"}")).statusCode());
  }

  @Test
  void anErrorIsA500WithItsMessageNotADroppedConnection() throws Exception {
    HttpResponse<String> response = server.send(server.post("/ksql", "{\"ksql\": \"CRASH;\"}"));

    assertEquals(500, response.statusCode());
    assertJson(
        """
        {"@type": "generic_error", "error_code": 50000, "message": "invariant broken"}""",
        response.body());
  }
}
