package dev.millrace.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.server.http.FakeEngine.LiveQuery;
import dev.millrace.server.service.QueryEnd;
import dev.millrace.server.service.QueryRequest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /query-stream} over HTTP/1.1 in each of its three formats, and closing queries. */
class QueryStreamResourceTest {

  private static final String METADATA =
      "{\"queryId\":\"transient_PAGEVIEWS_1\","
          + "\"columnNames\":[\"PAGEID\",\"USERID\",\"VIEWTIME\"],"
          + "\"columnTypes\":[\"STRING\",\"STRING\",\"BIGINT\"]}";

  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private HttpRequest.Builder queryStream(String sql, String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri("/query-stream"))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"sql\": \""
                        + sql
                        + "\", \"properties\": {\"auto.offset.reset\": \"earliest\"}}"));
    return accept == null ? request : request.header("Accept", accept);
  }

  @Test
  void delimitedByDefaultOneLinePerRowAsRowsHappen() throws Exception {
    HttpResponse<Stream<String>> response =
        server.http.send(
            queryStream("SELECT * FROM PAGEVIEWS EMIT CHANGES LIMIT 2;", null).build(),
            HttpResponse.BodyHandlers.ofLines());
    LiveQuery query = server.engine.nextQuery();
    Iterator<String> lines = response.body().iterator();

    assertEquals(200, response.statusCode());
    assertEquals(
        "application/vnd.ksqlapi.delimited.v1",
        response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(METADATA, lines.next());
    query.row("home", "alice", 1L);
    assertEquals("[\"home\",\"alice\",1]", lines.next());
    query.row("news", "bob", 2L);
    assertEquals("[\"news\",\"bob\",2]", lines.next());
    query.end(QueryEnd.LIMIT_REACHED);
    assertFalse(lines.hasNext());
    assertEquals(
        new QueryRequest(
            "SELECT * FROM PAGEVIEWS EMIT CHANGES LIMIT 2;",
            Map.of("auto.offset.reset", "earliest"),
            Map.of()),
        server.engine.queried.get(0));
  }

  @Test
  void clientCarriesOnAfterAPushQueryEnds() throws Exception {
    for (int i = 1; i <= 3; i++) {
      HttpResponse<Stream<String>> response =
          server.http.send(
              queryStream("SELECT * FROM PAGEVIEWS EMIT CHANGES LIMIT 1;", null).build(),
              HttpResponse.BodyHandlers.ofLines());
      LiveQuery query = server.engine.nextQuery();
      Iterator<String> lines = response.body().iterator();
      lines.next();
      query.row("home", "alice", (long) i);
      query.end(QueryEnd.LIMIT_REACHED);
      assertEquals("[\"home\",\"alice\"," + i + "]", lines.next());
      assertFalse(lines.hasNext());

      assertEquals(200, server.get("/info").statusCode());
    }
  }

  @Test
  void quietPushQueryOutlivesTheIdleTimeout() throws Exception {
    try (TestServer impatient =
        new TestServer(
            RestServer.Options.of("127.0.0.1", 0)
                .withKeepAlive(java.time.Duration.ofHours(1))
                .withIdleTimeout(java.time.Duration.ofMillis(100)))) {
      HttpResponse<Stream<String>> response =
          impatient.http.send(
              HttpRequest.newBuilder(impatient.uri("/query-stream"))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"sql\": \"SELECT * FROM PAGEVIEWS EMIT CHANGES;\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofLines());
      LiveQuery query = impatient.engine.nextQuery();
      Iterator<String> lines = response.body().iterator();
      assertEquals(METADATA, lines.next());

      Thread.sleep(500);
      query.row("home", "alice", 1L);

      assertEquals("[\"home\",\"alice\",1]", lines.next());
      assertFalse(query.isCancelled());
    }
  }

  @Test
  void jsonAcceptGetsOneJsonArray() throws Exception {
    CompletableFuture<HttpResponse<String>> pending =
        server.http.sendAsync(
            queryStream("SELECT * FROM PAGEVIEWS WHERE PAGEID='home';", "application/json").build(),
            HttpResponse.BodyHandlers.ofString());
    LiveQuery query = server.engine.nextQuery();
    query.row("home", "alice", 1L);
    query.row("home", null, 3L);
    query.end(QueryEnd.COMPLETED);
    HttpResponse<String> response = pending.get();

    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("[" + METADATA + ",[\"home\",\"alice\",1],[\"home\",null,3]]", response.body());
  }

  @Test
  void ksqlV1AcceptGetsTheQueryEndpointFormat() throws Exception {
    CompletableFuture<HttpResponse<String>> pending =
        server.http.sendAsync(
            queryStream(
                    "SELECT * FROM PAGEVIEWS WHERE PAGEID='home';", "application/vnd.ksql.v1+json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    LiveQuery query = server.engine.nextQuery();
    query.row("home", "alice", 1L);
    query.end(QueryEnd.COMPLETED);
    HttpResponse<String> response = pending.get();

    assertEquals(
        "application/vnd.ksql.v1+json",
        response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        "[{\"header\":{\"queryId\":\"transient_PAGEVIEWS_1\",\"schema\":"
            + "\"`PAGEID` STRING, `USERID` STRING, `VIEWTIME` BIGINT\"}},\n"
            + "{\"row\":{\"columns\":[\"home\",\"alice\",1]}},\n"
            + "{\"finalMessage\":\"Query Completed\"}]\n",
        response.body());
  }

  @Test
  void errorWhileStreamingIsTheLastLine() throws Exception {
    HttpResponse<Stream<String>> response =
        server.http.send(
            queryStream("SELECT * FROM PAGEVIEWS EMIT CHANGES;", null).build(),
            HttpResponse.BodyHandlers.ofLines());
    LiveQuery query = server.engine.nextQuery();
    Iterator<String> lines = response.body().iterator();
    assertEquals(METADATA, lines.next());

    query.fail("Kafka broker unavailable");

    assertEquals(
        "{\"@type\":\"generic_error\",\"error_code\":50000,"
            + "\"message\":\"Kafka broker unavailable\"}",
        lines.next());
    assertFalse(lines.hasNext());
  }

  @Test
  void rejectedQueryIsA400BeforeAnyRow() throws Exception {
    HttpResponse<String> response =
        server.send(queryStream("SELECT * FROM MISSING EMIT CHANGES;", null));

    assertEquals(400, response.statusCode());
    TestServer.assertJson(
        """
        {"@type": "statement_error", "error_code": 40001,
         "message": "line 1:15: Unknown source 'MISSING'",
         "statementText": "SELECT * FROM MISSING EMIT CHANGES;", "entities": []}""",
        response.body());
  }

  @Test
  void closeQueryEndsTheStreamNormallyAndStopsTheQuery() throws Exception {
    HttpResponse<Stream<String>> response =
        server.http.send(
            queryStream("SELECT * FROM PAGEVIEWS EMIT CHANGES;", null).build(),
            HttpResponse.BodyHandlers.ofLines());
    LiveQuery query = server.engine.nextQuery();
    Iterator<String> lines = response.body().iterator();
    assertEquals(METADATA, lines.next());
    assertEquals(1, server.server.activeQueries());

    HttpResponse<String> closed =
        server.send(server.post("/close-query", "{\"queryId\": \"" + query.id + "\"}"));

    assertEquals(200, closed.statusCode());
    assertEquals("", closed.body());
    assertFalse(lines.hasNext());
    assertTrue(query.isCancelled());
    assertEquals(0, server.server.activeQueries());
  }

  @Test
  void clientLeavingAnIdleQueryCancelsIt() throws Exception {
    HttpResponse<InputStream> response =
        server.http.send(
            queryStream("SELECT * FROM PAGEVIEWS EMIT CHANGES;", null).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    LiveQuery query = server.engine.nextQuery();
    BufferedReader body =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    assertEquals(METADATA, body.readLine());

    body.close();

    assertTrue(query.awaitCancelled(), "the query was not cancelled");
    assertEquals(0, server.server.activeQueries());
  }
}
