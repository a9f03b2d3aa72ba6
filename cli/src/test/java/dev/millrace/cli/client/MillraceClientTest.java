package dev.millrace.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.millrace.cli.FakeKsqlServer;
import dev.millrace.cli.FakeKsqlServer.QueryReply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MillraceClientTest {

  private static final String CREATED =
      """
      [{"@type":"currentStatus","statementText":"CREATE STREAM S (ID INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON');",
        "commandId":"stream/S/create","commandStatus":{"status":"SUCCESS","message":"Stream created"},
        "commandSequenceNumber":2,"warnings":[]}]""";
  private static final String PUSH_HEADER =
      "{\"queryId\":\"q-1\",\"columnNames\":[\"ID\",\"NAME\"],\"columnTypes\":[\"INTEGER\",\"STRING\"]}";

  private FakeKsqlServer server;
  private MillraceClient client;

  @BeforeEach
  void start() throws IOException {
    server = FakeKsqlServer.start();
    client = new MillraceClient(server.uri());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void executeSendsStatementAndSessionPropertiesAndReturnsEntities() throws Exception {
    String create = "CREATE STREAM S (ID INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON');";
    server.onKsql(create, 200, CREATED);

    List<JsonNode> entities = client.execute(create, Map.of("auto.offset.reset", "earliest"));

    assertEquals(1, entities.size());
    assertEquals("currentStatus", entities.get(0).path("@type").asText());
    JsonNode sent = server.bodies("/ksql").get(0);
    assertEquals(create, sent.path("ksql").asText());
    assertEquals("earliest", sent.path("streamsProperties").path("auto.offset.reset").asText());
  }

  @Test
  void statementErrorCarriesCodeMessageStatementAndEarlierEntities() {
    server.onKsql(
        "SHOW STREAMS; DROP STREAM NOPE;",
        400,
        """
        {"@type":"statement_error","error_code":40001,
         "message":"line 1:13: Stream NOPE does not exist.","statementText":"DROP STREAM NOPE;",
         "entities":[{"@type":"streams","statementText":"SHOW STREAMS;","streams":[]}]}""");

    ServerErrorException error =
        assertThrows(
            ServerErrorException.class,
            () -> client.execute("SHOW STREAMS; DROP STREAM NOPE;", Map.of()));

    assertEquals(40001, error.errorCode());
    assertEquals("line 1:13: Stream NOPE does not exist.", error.getMessage());
    assertEquals(Optional.of("DROP STREAM NOPE;"), error.statementText());
    assertEquals("streams", error.entities().get(0).path("@type").asText());
  }

  @Test
  void errorWithoutJsonBodySaysTheHttpStatus() {
    server.onKsql("SHOW TABLES;", 500, "boom\nat somewhere");

    ServerErrorException error =
        assertThrows(ServerErrorException.class, () -> client.execute("SHOW TABLES;", Map.of()));

    assertEquals("The server answered HTTP 500: boom", error.getMessage());
    assertEquals(500, error.errorCode());
  }

  @Test
  void unreachableServerIsReportedInOneSentence() throws IOException {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      freePort = socket.getLocalPort();
    }
    MillraceClient nobody = new MillraceClient(URI.create("http://127.0.0.1:" + freePort + "/"));

    ServerUnreachableException error = assertThrows(ServerUnreachableException.class, nobody::info);

    assertEquals(
        "Could not reach the Millrace server at http://127.0.0.1:"
            + freePort
            + ": connection refused",
        error.getMessage());
  }

  @Test
  void infoReadsTheServerVersion() throws Exception {
    assertEquals(new ServerInfo("0.1.0", "cluster-1", "millrace_"), client.info());
  }

  @Test
  void pullQueryStreamsHeaderThenRowsThenEnds() throws Exception {
    server.onQuery(
        "SELECT * FROM T WHERE ID = 1;",
        new QueryReply(
            200,
            List.of(
                "{\"columnNames\":[\"ID\",\"TOTAL\"],\"columnTypes\":[\"INTEGER\",\"BIGINT\"]}",
                "[1,10]",
                "",
                "[1,11]"),
            false));

    try (QueryStream query = client.query("SELECT * FROM T WHERE ID = 1;", Map.of("k", "v"))) {
      assertEquals(
          new QueryHeader(Optional.empty(), List.of("ID", "TOTAL"), List.of("INTEGER", "BIGINT")),
          query.header());
      assertEquals("[1,10]", query.nextRow().orElseThrow().toString());
      assertEquals("[1,11]", query.nextRow().orElseThrow().toString());
      assertEquals(Optional.empty(), query.nextRow());
      query.close();
      assertFalse(query.isCancelled(), "the server ended it");
    }
    JsonNode sent = server.bodies("/query-stream").get(0);
    assertEquals("v", sent.path("properties").path("k").asText());
    assertTrue(server.bodies("/close-query").isEmpty(), "an ended query needs no close");
  }

  @Test
  void closingAPushQueryEndsTheBlockedReadAndClosesItOnTheServer() throws Exception {
    server.onQuery(
        "SELECT * FROM S EMIT CHANGES;",
        new QueryReply(200, List.of(PUSH_HEADER, "[1,\"a\"]", "[2,\"b\"]"), true));

    QueryStream query = client.query("SELECT * FROM S EMIT CHANGES;", Map.of());
    assertEquals(Optional.of("q-1"), query.header().queryId());
    assertEquals("[1,\"a\"]", query.nextRow().orElseThrow().toString());
    assertEquals("[2,\"b\"]", query.nextRow().orElseThrow().toString());
    Thread closer =
        new Thread(
            () -> {
              pause();
              query.close();
            });
    closer.start();

    Optional<ArrayNode> afterClose = query.nextRow();
    closer.join();

    assertEquals(Optional.empty(), afterClose);
    assertTrue(query.isCancelled());
    assertEquals("q-1", server.bodies("/close-query").get(0).path("queryId").asText());
  }

  @Test
  void rejectedQueryRaisesTheServersMessage() {
    server.onQuery(
        "SELECT * FROM NOPE EMIT CHANGES;",
        new QueryReply(
            400,
            List.of(
                "{\"@type\":\"statement_error\",\"error_code\":40001,"
                    + "\"message\":\"line 1:15: NOPE does not exist\",\"statementText\":\"SELECT * FROM NOPE EMIT CHANGES;\"}"),
            false));

    ServerErrorException error =
        assertThrows(
            ServerErrorException.class,
            () -> client.query("SELECT * FROM NOPE EMIT CHANGES;", Map.of()));

    assertEquals("line 1:15: NOPE does not exist", error.getMessage());
  }

  @Test
  void errorInPlaceOfARowEndsTheQueryWithThatError() throws Exception {
    server.onQuery(
        "SELECT * FROM S EMIT CHANGES;",
        new QueryReply(
            200,
            List.of(
                PUSH_HEADER,
                "[1,\"a\"]",
                "{\"@type\":\"generic_error\",\"error_code\":50000,\"message\":\"query failed: disk full\"}"),
            false));

    try (QueryStream query = client.query("SELECT * FROM S EMIT CHANGES;", Map.of())) {
      assertEquals("[1,\"a\"]", query.nextRow().orElseThrow().toString());
      ServerErrorException error = assertThrows(ServerErrorException.class, query::nextRow);
      assertEquals("query failed: disk full", error.getMessage());
    }
  }

  /** Gives the reader a moment to block in nextRow(); the outcome is the same if it has not yet. */
  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
