package dev.millrace.server.service;

import dev.millrace.engine.operator.InputRecord;
import dev.millrace.engine.operator.Row;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.runtime.QueryError;
import dev.millrace.engine.runtime.QueryState;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where topics live and queries run: a Kafka cluster for the server, or the in-memory test driver
 * for offline tests. The engine above it is the same in both cases.
 */
public interface QueryBackend extends AutoCloseable {

  boolean topicExists(String topic);

  /** Creates the topic; {@code replicas} empty means the cluster's default. */
  void createTopic(String topic, int partitions, Optional<Short> replicas);

  /** The partition count of an existing topic. */
  int partitions(String topic);

  /** Every topic, with its partition count; internal topics only when asked. */
  List<TopicSummary> topics(boolean includeInternal);

  void deleteTopic(String topic);

  /** Writes one record, already serialised, and returns once it is stored. */
  void produce(String topic, byte[] key, byte[] value, long timestamp);

  /**
   * Starts a persistent query from its physical plan (rooted at a sink), run with {@code settings}.
   */
  void startPersistent(String queryId, PlanStep plan, QuerySettings settings);

  /**
   * Upgrades persistent query {@code queryId} in place (CREATE OR REPLACE): it stops, if it runs,
   * keeping its committed offsets and state, and runs on with {@code plan} from there, reading no
   * record a second time. The caller has checked that the plan's state and internal topics are the
   * old plan's ({@code QueryUpgrade}).
   */
  void replacePersistent(String queryId, PlanStep plan, QuerySettings settings);

  /**
   * Stops a persistent query; its committed offsets and state stay unless {@code cleanUp}, which
   * also deletes its internal topics, consumer group and local state (TERMINATE).
   */
  void stopPersistent(String queryId, boolean cleanUp);

  /**
   * Pauses persistent query {@code queryId} ({@code paused}) or resumes it: paused, it keeps its
   * offsets, state and partitions but processes nothing; resumed, it carries on where it stopped. A
   * query paused before it is started here starts paused (a server restoring a paused query).
   * TERMINATE forgets the pause.
   */
  void pausePersistent(String queryId, boolean paused);

  /** How persistent query {@code queryId} is doing here; NOT_RUNNING if it does not run here. */
  QueryStatus status(String queryId);

  /**
   * The counts, lag and state size of persistent query {@code queryId} here; empty when it does not
   * run here or the backend does not measure them (the in-memory test driver).
   */
  Optional<QueryMetrics> metrics(String queryId);

  /**
   * Starts a transient (push) query whose plan's rows are handed to {@code rows} instead of a
   * topic, reading its sources from the beginning or only new records, run with {@code settings}.
   */
  RunningTransientQuery startTransient(
      String queryId,
      PlanStep plan,
      boolean fromBeginning,
      QuerySettings settings,
      Consumer<Row> rows);

  /**
   * The current rows of the table that persistent query {@code queryId} keeps in its state, read
   * from this instance's stores: with {@code keys}, those keys' rows only, each a point read; else
   * every row. Rows are as MaterializedTable yields them (the sink's value columns, key, ROWTIME as
   * the row's timestamp, window). Empty when the query keeps no table in a store, or does not run
   * on this backend.
   *
   * @throws StateNotReadyException when the rows cannot be read in full here (yet): part of the
   *     state is still being restored, or belongs to another server
   */
  Optional<List<Row>> materialisedRows(String queryId, Optional<List<List<Object>>> keys);

  /**
   * The rows of the query's materialised table this server can read from its own state now: those
   * of the partitions restored and owned here, or of the {@code only} partitions among them. Waits
   * for nothing. Empty when the query does not run here or materialises no table.
   */
  default Optional<OwnedRows> ownedRows(
      String queryId, Optional<List<List<Object>>> keys, Optional<Set<Integer>> only) {
    return Optional.empty();
  }

  /**
   * How far the persistent query's consumer group (all servers of the service) is behind each input
   * partition it has committed offsets for; empty when the query does not run here.
   */
  default List<ConsumerLag> consumerLag(String queryId) {
    return List.of();
  }

  /** What of the persistent query runs here now, for the other servers of the service. */
  default Optional<LocalQueryState> localState(String queryId) {
    return Optional.empty();
  }

  /**
   * Every record now in the topic, each partition in offset order (pull queries on source tables
   * read this).
   */
  List<TopicRecord> readTopic(String topic);

  /**
   * The schema registry of the registry formats (AVRO, JSON_SR); it may be the unconfigured one.
   */
  SchemaRegistry schemaRegistry();

  @Override
  void close();

  /**
   * A persistent query's state and its latest errors, oldest first (kept after it recovers).
   *
   * @param state RUNNING, PAUSED, ERROR (failed; it may be waiting to restart by itself) or
   *     NOT_RUNNING
   */
  record QueryStatus(QueryState state, List<QueryError> errors) {
    public static final QueryStatus RUNNING = new QueryStatus(QueryState.RUNNING, List.of());
    public static final QueryStatus NOT_RUNNING =
        new QueryStatus(QueryState.NOT_RUNNING, List.of());

    public QueryStatus {
      errors = List.copyOf(errors);
    }
  }

  /** A stored record of a topic, with its headers in order. */
  record TopicRecord(
      int partition,
      long offset,
      byte[] key,
      byte[] value,
      long timestamp,
      List<InputRecord.Header> headers) {
    public TopicRecord {
      headers = headers == null ? List.of() : List.copyOf(headers);
    }

    /** A record without headers. */
    public TopicRecord(int partition, long offset, byte[] key, byte[] value, long timestamp) {
      this(partition, offset, key, value, timestamp, List.of());
    }
  }

  /** A topic as SHOW TOPICS lists it. */
  record TopicSummary(String name, int partitions, int replicas) {}

  /** A push query in flight. */
  /**
   * Follows {@code topic} for PRINT, from its beginning or only the records written from now on,
   * handing each poll's records to {@code batches} until the returned handle is closed.
   */
  RunningTransientQuery tailTopic(
      String topic, boolean fromBeginning, Consumer<List<TopicRecord>> batches);

  interface RunningTransientQuery extends AutoCloseable {
    @Override
    void close();
  }
}
