package dev.millrace.server.http;

import dev.millrace.server.api.CommandStatus;
import dev.millrace.server.api.CommandStatusEntity;
import dev.millrace.server.api.HealthCheckResponse;
import dev.millrace.server.api.KsqlEntity;
import dev.millrace.server.api.ServerInfo;
import dev.millrace.server.api.SourceInfo;
import dev.millrace.server.api.StreamsList;
import dev.millrace.server.service.EngineException;
import dev.millrace.server.service.EngineFacade;
import dev.millrace.server.service.ErrorCode;
import dev.millrace.server.service.QueryEnd;
import dev.millrace.server.service.QueryHeader;
import dev.millrace.server.service.QueryHeader.QueryType;
import dev.millrace.server.service.QueryMetrics;
import dev.millrace.server.service.QueryOutput;
import dev.millrace.server.service.QueryRequest;
import dev.millrace.server.service.QuerySubscriber;
import dev.millrace.server.service.RowInserts;
import dev.millrace.server.service.StatementRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written engine for the HTTP tests. Statements are recognised by their first words; queries
 * are handed to the test as {@link LiveQuery} objects that the test drives row by row.
 *
 * <ul>
 *   <li>{@code CREATE ...} succeeds with a {@code currentStatus} entity;
 *   <li>{@code SHOW STREAMS} lists one stream, PAGEVIEWS;
 *   <li>{@code SELECT ...} on {@code /ksql} fails with 40002;
 *   <li>{@code EXPLODE} throws an exception the engine did not classify;
 *   <li>{@code OVERFLOW} recurses until the thread runs out of stack, {@code CRASH} throws an
 *       {@link Error};
 *   <li>anything else fails with 40001 and a {@code line 1:1} message;
 *   <li>a query on {@code MISSING} is rejected by throwing; on {@code LATE_FAILURE} by calling
 *       {@code onError} before {@code onStart}; {@code ... EMIT CHANGES} starts a push query,
 *       anything else a pull query; either is then driven by the test.
 * </ul>
 */
final class FakeEngine implements EngineFacade {

  /** Recurses for ever: a stack overflow as deep input causes one. */
  private static List<dev.millrace.server.api.Warning> depth(int level) {
    return level < 0 ? List.of() : depth(level + 1);
  }

  static final List<String> COLUMNS = List.of("PAGEID", "USERID", "VIEWTIME");
  static final List<String> TYPES = List.of("STRING", "STRING", "BIGINT");

  final List<StatementRequest> executed = new CopyOnWriteArrayList<>();
  final List<QueryRequest> queried = new CopyOnWriteArrayList<>();
  final Map<String, CommandStatus> commands = new LinkedHashMap<>();
  volatile boolean healthy = true;
  final List<QueryMetrics> metrics = new CopyOnWriteArrayList<>();
  private final BlockingQueue<LiveQuery> started = new LinkedBlockingQueue<>();
  private final AtomicInteger ids = new AtomicInteger();

  @Override
  public List<KsqlEntity> execute(StatementRequest request) {
    executed.add(request);
    List<KsqlEntity> done = new ArrayList<>();
    for (String part : request.sql().split(";")) {
      if (part.isBlank()) {
        continue;
      }
      String statement = part.strip() + ";";
      String upper = statement.toUpperCase(Locale.ROOT);
      if (upper.startsWith("CREATE")) {
        done.add(
            new CommandStatusEntity(
                statement,
                "stream/" + nameOf(statement) + "/create",
                CommandStatus.success("Stream created"),
                done.size() + 1,
                List.of()));
      } else if (upper.startsWith("SHOW STREAMS")) {
        done.add(
            new StreamsList(
                statement,
                List.of(SourceInfo.stream("PAGEVIEWS", "pageviews", "KAFKA", "JSON")),
                List.of()));
      } else if (upper.startsWith("EXPLODE")) {
        throw new IllegalStateException("catalog is corrupted");
      } else if (upper.startsWith("OVERFLOW")) {
        done.add(new StreamsList(statement, List.of(), depth(0)));
      } else if (upper.startsWith("CRASH")) {
        throw new AssertionError("invariant broken");
      } else if (upper.startsWith("SELECT")) {
        throw new EngineException(
            ErrorCode.QUERY_ENDPOINT,
            "SELECT statements run on /query or /query-stream",
            statement,
            done,
            null);
      } else {
        throw new EngineException(
            ErrorCode.BAD_STATEMENT,
            "line 1:1: Syntax error at or near '" + statement.split("\\s+")[0] + "'",
            statement,
            done,
            null);
      }
    }
    return done;
  }

  private static String nameOf(String statement) {
    String[] words = statement.split("\\s+");
    return words.length > 2 ? words[2].toUpperCase(Locale.ROOT) : "?";
  }

  @Override
  public void runQuery(QueryRequest request, QuerySubscriber subscriber) {
    queried.add(request);
    String sql = request.sql().toUpperCase(Locale.ROOT);
    if (sql.contains("FROM MISSING")) {
      throw new EngineException(
          ErrorCode.BAD_STATEMENT, "line 1:15: Unknown source 'MISSING'", request.sql());
    }
    if (sql.contains("FROM LATE_FAILURE")) {
      subscriber.onError(
          new EngineException(
              ErrorCode.BAD_STATEMENT,
              "line 1:15: Source 'LATE_FAILURE' is not materialized",
              request.sql()));
      return;
    }
    QueryType type = sql.contains("EMIT CHANGES") ? QueryType.PUSH : QueryType.PULL;
    LiveQuery query = new LiveQuery("transient_PAGEVIEWS_" + ids.incrementAndGet(), subscriber);
    query.output.start(new QueryHeader(query.id, type, COLUMNS, TYPES));
    started.add(query);
  }

  /** The next query the server started, waiting for it if need be. */
  LiveQuery nextQuery() throws InterruptedException {
    LiveQuery query = started.poll(10, TimeUnit.SECONDS);
    if (query == null) {
      throw new AssertionError("no query started within 10 s");
    }
    return query;
  }

  /** Knows no stream: the real inserts are tested on the real engine. */
  @Override
  public RowInserts openInserts(String target, Map<String, Object> properties) {
    throw new EngineException(
        ErrorCode.BAD_STATEMENT, "Cannot insert values into an unknown stream/table: " + target);
  }

  @Override
  public List<KsqlEntity> terminateCluster(List<String> deleteTopicList) {
    throw new EngineException(ErrorCode.BAD_REQUEST, "not terminated: " + deleteTopicList);
  }

  /** Denies {@code ksql.service.id}, as the real engine does. */
  @Override
  public void requireSettable(String property) {
    if (property.equals("ksql.service.id")) {
      throw new EngineException(ErrorCode.BAD_REQUEST, "prohibited: [ksql.service.id]");
    }
  }

  @Override
  public List<QueryMetrics> queryMetrics() {
    return List.copyOf(metrics);
  }

  @Override
  public ServerInfo serverInfo() {
    return new ServerInfo("0.1.0", "cluster-1", "default_", "RUNNING");
  }

  @Override
  public HealthCheckResponse healthCheck() {
    return new HealthCheckResponse(
        healthy,
        Map.of(
            "metastore", new HealthCheckResponse.Detail(true),
            "kafka", new HealthCheckResponse.Detail(healthy)));
  }

  @Override
  public Optional<CommandStatus> commandStatus(String commandId) {
    return Optional.ofNullable(commands.get(commandId));
  }

  @Override
  public Map<String, CommandStatus.Status> commandStatuses() {
    Map<String, CommandStatus.Status> statuses = new LinkedHashMap<>();
    commands.forEach((id, status) -> statuses.put(id, status.status()));
    return statuses;
  }

  /** A running query as the test sees it: push rows in, end it, or watch it get cancelled. */
  static final class LiveQuery {

    final String id;
    final QueryOutput output;
    private final CountDownLatch cancelled = new CountDownLatch(1);

    LiveQuery(String id, QuerySubscriber subscriber) {
      this.id = id;
      this.output = new QueryOutput(subscriber, 1000, cancelled::countDown);
    }

    void row(Object... values) {
      output.offer(Arrays.asList(values));
    }

    void end(QueryEnd end) {
      output.end(end);
    }

    void fail(String message) {
      output.fail(new EngineException(ErrorCode.SERVER_ERROR, message));
    }

    /** Waits until the subscriber cancels; false when it did not within 10 s. */
    boolean awaitCancelled() throws InterruptedException {
      return cancelled.await(10, TimeUnit.SECONDS);
    }

    boolean isCancelled() {
      return output.isCancelled();
    }
  }
}
