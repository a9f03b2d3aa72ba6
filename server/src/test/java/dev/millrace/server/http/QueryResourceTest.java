package dev.millrace.server.http;

import static dev.millrace.server.http.TestServer.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.server.http.FakeEngine.LiveQuery;
import dev.millrace.server.service.QueryEnd;
import dev.millrace.server.service.QueryRequest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code POST /query}: the chunked JSON array ksqlDB's shell reads line by line. */
class QueryResourceTest {

  private static final String HEADER =
      "[{\"header\":{\"queryId\":\"transient_PAGEVIEWS_1\","
          + "\"schema\":\"`PAGEID` STRING, `USERID` STRING, `VIEWTIME` BIGINT\"}},";

  @Test
  void pushQueryRowsArriveWhileTheQueryRuns() throws Exception {
    try (TestServer server = new TestServer()) {
      HttpResponse<Stream<String>> response =
          server.http.send(
              server
                  .post(
                      "/query",
                      """
              {"ksql": "SELECT * FROM PAGEVIEWS EMIT CHANGES LIMIT 2;",
               "streamsProperties": {"auto.offset.reset": "earliest"}}""")
                  .build(),
              HttpResponse.BodyHandlers.ofLines());
      LiveQuery query = server.engine.nextQuery();
      Iterator<String> lines = response.body().iterator();

      assertEquals(200, response.statusCode());
      assertEquals(
          "application/vnd.ksql.v1+json",
          response.headers().firstValue("Content-Type").orElseThrow());
      assertEquals(HEADER, lines.next());
      query.row("home", "alice", 1L);
      assertEquals("{\"row\":{\"columns\":[\"home\",\"alice\",1]}},", lines.next());
      query.row("news", null, 2L);
      assertEquals("{\"row\":{\"columns\":[\"news\",null,2]}},", lines.next());
      query.end(QueryEnd.LIMIT_REACHED);
      assertEquals("{\"finalMessage\":\"Limit Reached\"}]", lines.next());
      assertFalse(lines.hasNext());
      assertEquals(
          new QueryRequest(
              "SELECT * FROM PAGEVIEWS EMIT CHANGES LIMIT 2;",
              Map.of("auto.offset.reset", "earliest"),
              Map.of()),
          server.engine.queried.get(0));
      assertEquals(0, server.server.activeQueries());
    }
  }

  @Test
  void pullQueryIsOneValidJsonArray() throws Exception {
    try (TestServer server = new TestServer()) {
      CompletableFuture<HttpResponse<String>> pending =
          server.http.sendAsync(
              server
                  .post("/query", "{\"ksql\": \"SELECT * FROM PAGEVIEWS WHERE PAGEID='home';\"}")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      LiveQuery query = server.engine.nextQuery();
      query.row("home", "alice", 1L);
      query.end(QueryEnd.COMPLETED);
      HttpResponse<String> response = pending.get();

      assertEquals(200, response.statusCode());
      assertJson(
          """
          [{"header": {"queryId": "transient_PAGEVIEWS_1",
                       "schema": "`PAGEID` STRING, `USERID` STRING, `VIEWTIME` BIGINT"}},
           {"row": {"columns": ["home", "alice", 1]}},
           {"finalMessage": "Query Completed"}]""",
          response.body());
      assertEquals(0, server.server.activeQueries());
    }
  }

  @Test
  void statementRejectedBeforeStartingIsA400() throws Exception {
    try (TestServer server = new TestServer()) {
      for (String source : new String[] {"MISSING", "LATE_FAILURE"}) {
        String sql = "SELECT * FROM " + source + " EMIT CHANGES;";
        HttpResponse<String> response =
            server.send(server.post("/query", "{\"ksql\": \"" + sql + "\"}"));

        assertEquals(400, response.statusCode());
        String message =
            source.equals("MISSING")
                ? "line 1:15: Unknown source 'MISSING'"
                : "line 1:15: Source 'LATE_FAILURE' is not materialized";
        assertJson(
            "{\"@type\": \"statement_error\", \"error_code\": 40001, \"message\": \""
                + message
                + "\", \"statementText\": \""
                + sql
                + "\", \"entities\": []}",
            response.body());
      }
    }
  }

  @Test
  void failureWhileStreamingEndsTheArrayWithTheError() throws Exception {
    try (TestServer server = new TestServer()) {
      HttpResponse<Stream<String>> response =
          server.http.send(
              server
                  .post("/query", "{\"ksql\": \"SELECT * FROM PAGEVIEWS EMIT CHANGES;\"}")
                  .build(),
              HttpResponse.BodyHandlers.ofLines());
      LiveQuery query = server.engine.nextQuery();
      Iterator<String> lines = response.body().iterator();
      assertEquals(HEADER, lines.next());

      query.fail("Kafka broker unavailable");

      assertEquals(
          "{\"errorMessage\":{\"@type\":\"generic_error\",\"error_code\":50000,"
              + "\"message\":\"Kafka broker unavailable\"}}]",
          lines.next());
      assertFalse(lines.hasNext());
    }
  }

  @Test
  void clientLeavingAnIdleQueryCancelsIt() throws Exception {
    try (TestServer server = new TestServer(Duration.ofMillis(20))) {
      HttpResponse<InputStream> response =
          server.http.send(
              server
                  .post("/query", "{\"ksql\": \"SELECT * FROM PAGEVIEWS EMIT CHANGES;\"}")
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      LiveQuery query = server.engine.nextQuery();
      BufferedReader body =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
      assertEquals(HEADER, body.readLine());

      body.close();

      assertTrue(query.awaitCancelled(), "the query was not cancelled");
      assertEquals(0, server.server.activeQueries());
    }
  }

  @Test
  void idleStreamWritesBlankKeepAliveLines() throws Exception {
    try (TestServer server = new TestServer(Duration.ofMillis(20))) {
      HttpResponse<Stream<String>> response =
          server.http.send(
              server
                  .post("/query", "{\"ksql\": \"SELECT * FROM PAGEVIEWS EMIT CHANGES;\"}")
                  .build(),
              HttpResponse.BodyHandlers.ofLines());
      server.engine.nextQuery();
      Iterator<String> lines = response.body().iterator();

      assertEquals(HEADER, lines.next());
      assertEquals("", lines.next());
    }
  }
}
