package dev.millrace.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.cli.render.EntityRenderer;
import dev.millrace.server.api.CommandStatus;
import dev.millrace.server.api.HealthCheckResponse;
import dev.millrace.server.api.KsqlEntity;
import dev.millrace.server.api.SourceInfo;
import dev.millrace.server.api.StreamsList;
import dev.millrace.server.http.RestServer;
import dev.millrace.server.service.EngineException;
import dev.millrace.server.service.EngineFacade;
import dev.millrace.server.service.ErrorCode;
import dev.millrace.server.service.QueryEnd;
import dev.millrace.server.service.QueryHeader.QueryType;
import dev.millrace.server.service.QueryMetrics;
import dev.millrace.server.service.QueryRequest;
import dev.millrace.server.service.QuerySubscriber;
import dev.millrace.server.service.QuerySubscription;
import dev.millrace.server.service.RowInserts;
import dev.millrace.server.service.StatementRequest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against Millrace's own REST server (Jetty), over a scripted engine: the two sides
 * agree on every shape the shell relies on.
 */
class RestServerCompatibilityTest {

  private final ScriptedEngine engine = new ScriptedEngine();
  private RestServer server;
  private MillraceClient client;

  @BeforeEach
  void start() throws Exception {
    server = new RestServer(engine, "127.0.0.1", 0);
    server.start();
    client = new MillraceClient(server.uri());
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    engine.close();
  }

  @Test
  void statementResultsRender() throws Exception {
    List<JsonNode> entities =
        client.execute("SHOW STREAMS;", Map.of("auto.offset.reset", "earliest"));

    assertEquals(
        """
        +-------------+-------------+------------+--------------+----------+
        | Stream Name | Kafka Topic | Key Format | Value Format | Windowed |
        +-------------+-------------+------------+--------------+----------+
        | PAGEVIEWS   | pageviews   | KAFKA      | JSON         | false    |
        +-------------+-------------+------------+--------------+----------+
        """,
        EntityRenderer.render(entities.get(0), 100));
    assertEquals(Map.of("auto.offset.reset", "earliest"), engine.lastProperties);
  }

  @Test
  void statementErrorsKeepTheirCodeAndMessage() {
    ServerErrorException error =
        assertThrows(
            ServerErrorException.class, () -> client.execute("DROP STREAM NOPE;", Map.of()));

    assertEquals(40001, error.errorCode());
    assertEquals("Stream NOPE does not exist.", error.getMessage());
    assertEquals(Optional.of("DROP STREAM NOPE;"), error.statementText());
  }

  @Test
  void serverInfo() throws Exception {
    assertEquals("0.1.0", client.info().version());
  }

  @Test
  void pullQueryEnds() throws Exception {
    try (QueryStream query = client.query("SELECT * FROM T;", Map.of())) {
      assertEquals(List.of("ID", "NAME"), query.header().columnNames());
      assertEquals(List.of("INTEGER", "STRING"), query.header().columnTypes());
      assertEquals("[1,\"a\"]", query.nextRow().orElseThrow().toString());
      assertEquals("[2,\"b\"]", query.nextRow().orElseThrow().toString());
      assertEquals(Optional.empty(), query.nextRow());
    }
  }

  @Test
  void closingAPushQueryCancelsItInTheEngine() throws Exception {
    QueryStream query = client.query("SELECT * FROM S EMIT CHANGES;", Map.of());
    assertTrue(query.header().queryId().isPresent());
    assertEquals("[1,\"a\"]", query.nextRow().orElseThrow().toString());
    assertEquals("[2,\"b\"]", query.nextRow().orElseThrow().toString());

    query.close();

    assertTrue(engine.cancelled.await(30, TimeUnit.SECONDS), "the engine saw the query cancelled");
    assertTrue(query.isCancelled());
  }

  @Test
  void rejectedQueryIsAServerError() {
    ServerErrorException error =
        assertThrows(
            ServerErrorException.class, () -> client.query("SELECT * FROM NOPE;", Map.of()));

    assertEquals("NOPE does not exist.", error.getMessage());
  }

  /** An engine that knows a few statements and queries by heart. */
  private static final class ScriptedEngine implements EngineFacade {

    private final ExecutorService delivery = Executors.newCachedThreadPool();
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private volatile Map<String, Object> lastProperties;

    @Override
    public List<KsqlEntity> execute(StatementRequest request) {
      lastProperties = request.properties();
      if (request.sql().equals("SHOW STREAMS;")) {
        return List.of(
            new StreamsList(
                request.sql(),
                List.of(SourceInfo.stream("PAGEVIEWS", "pageviews", "KAFKA", "JSON")),
                List.of()));
      }
      throw new EngineException(
          ErrorCode.BAD_STATEMENT, "Stream NOPE does not exist.", request.sql());
    }

    @Override
    public void runQuery(QueryRequest request, QuerySubscriber subscriber) {
      boolean push = request.sql().contains("EMIT CHANGES");
      if (!request.sql().startsWith("SELECT * FROM S")
          && !request.sql().startsWith("SELECT * FROM T")) {
        throw new EngineException(ErrorCode.BAD_STATEMENT, "NOPE does not exist.", request.sql());
      }
      Deque<List<Object>> rows = new ArrayDeque<>(List.of(List.of(1, "a"), List.of(2, "b")));
      subscriber.onStart(
          new dev.millrace.server.service.QueryHeader(
              "q1",
              push ? QueryType.PUSH : QueryType.PULL,
              List.of("ID", "NAME"),
              List.of("INTEGER", "STRING")),
          new QuerySubscription() {
            @Override
            public void request(long n) {
              delivery.execute(() -> deliver(rows, n, push, subscriber));
            }

            @Override
            public void cancel() {
              cancelled.countDown();
            }
          });
    }

    private static synchronized void deliver(
        Deque<List<Object>> rows, long n, boolean push, QuerySubscriber subscriber) {
      for (long i = 0; i < n && !rows.isEmpty(); i++) {
        subscriber.onRow(rows.poll());
      }
      if (rows.isEmpty() && !push) {
        rows.add(List.of()); // marks the end as sent
        subscriber.onEnd(QueryEnd.COMPLETED);
      }
    }

    @Override
    public RowInserts openInserts(String target, Map<String, Object> properties) {
      throw new EngineException(ErrorCode.BAD_STATEMENT, "no stream " + target);
    }

    @Override
    public void requireSettable(String property) {}

    @Override
    public List<KsqlEntity> terminateCluster(List<String> deleteTopicList) {
      return List.of();
    }

    @Override
    public List<QueryMetrics> queryMetrics() {
      return List.of();
    }

    @Override
    public dev.millrace.server.api.ServerInfo serverInfo() {
      return new dev.millrace.server.api.ServerInfo("0.1.0", "cluster", "millrace_", "RUNNING");
    }

    @Override
    public HealthCheckResponse healthCheck() {
      return new HealthCheckResponse(true, Map.of());
    }

    @Override
    public Optional<CommandStatus> commandStatus(String commandId) {
      return Optional.empty();
    }

    @Override
    public Map<String, CommandStatus.Status> commandStatuses() {
      return Map.of();
    }

    void close() {
      delivery.shutdownNow();
    }
  }
}
