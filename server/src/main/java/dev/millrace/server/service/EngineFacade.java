package dev.millrace.server.service;

import dev.millrace.server.api.ClusterStatusResponse;
import dev.millrace.server.api.CommandStatus;
import dev.millrace.server.api.HealthCheckResponse;
import dev.millrace.server.api.KsqlEntity;
import dev.millrace.server.api.LagResponse;
import dev.millrace.server.api.ServerInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Statements in, results out: everything the REST API asks of the engine.
 *
 * <p>Implementations must be safe to call from many request threads at once. Every failure a user
 * can act on is an {@link EngineException} whose {@link ErrorCode} decides the HTTP status; any
 * other exception is reported as a server error (50000) with its message only.
 */
public interface EngineFacade {

  /**
   * Runs every statement of the request in order, as {@code POST /ksql} does.
   *
   * <p>Returns one entity per statement. When a statement fails, throws an {@link EngineException}
   * naming that statement and carrying the entities of the statements before it (which stay
   * executed). A {@code SELECT} here fails with {@link ErrorCode#QUERY_ENDPOINT}.
   */
  List<KsqlEntity> execute(StatementRequest request);

  /**
   * Starts a push or pull query and streams its result to {@code subscriber}.
   *
   * <p>A statement that cannot run (unparsable, unknown source, not a query) is rejected either by
   * throwing {@link EngineException} from this method or by calling {@link QuerySubscriber#onError}
   * before {@link QuerySubscriber#onStart}; both become an HTTP error response. Otherwise the
   * engine calls {@code onStart} exactly once, then {@code onRow} no more often than the subscriber
   * has {@link QuerySubscription#request requested}, then at most one of {@code onEnd} or {@code
   * onError}. Callbacks for one query are never concurrent, may come from any thread, and may
   * arrive after this method returns. Delivery stops when the subscriber {@link
   * QuerySubscription#cancel cancels}: the client went away or closed the query.
   */
  void runQuery(QueryRequest request, QuerySubscriber subscriber);

  /**
   * Opens a stream or table for rows sent one at a time, as {@code POST /inserts-stream} does.
   *
   * @throws EngineException when {@code target} names no stream or table that takes rows, or a
   *     property value is invalid
   */
  RowInserts openInserts(String target, Map<String, Object> properties);

  /**
   * Whether requests may set {@code property}, for {@code GET /is_valid_property/{name}}.
   *
   * @throws EngineException (40000) naming the property when the server denies it, or Millrace does
   *     not know it or honour it per query
   */
  void requireSettable(String property);

  /**
   * Terminates the cluster, as {@code POST /ksql/terminate} does: ends every query, deletes the
   * topics of query-created sources matching {@code deleteTopicList} (names or regular expressions)
   * and the server's own topics, then refuses every further statement, query and insert.
   */
  List<KsqlEntity> terminateCluster(List<String> deleteTopicList);

  /** Version, Kafka cluster id, service id and state, for {@code GET /info}. */
  ServerInfo serverInfo();

  /** Health of the catalog and of the Kafka connection, for {@code GET /healthcheck}. */
  HealthCheckResponse healthCheck();

  /** The status of one command, by the id returned in its {@code currentStatus} entity. */
  Optional<CommandStatus> commandStatus(String commandId);

  /** The status of every command the server knows, keyed by command id. */
  Map<String, CommandStatus.Status> commandStatuses();

  /** The counts, lag and state size of each persistent query running here, for {@code /metrics}. */
  List<QueryMetrics> queryMetrics();

  /**
   * {@code /clusterStatus}: the servers of the service as this one knows them from their
   * heartbeats; empty when this server has not joined the others, and so knows only itself.
   */
  default Optional<ClusterStatusResponse> clusterStatus() {
    return Optional.empty();
  }

  /** {@code /lag}: each persistent query's consumer lag and state-store lag. */
  default LagResponse lag() {
    return new LagResponse(Map.of());
  }
}
