package dev.millrace.engine.runtime;

import dev.millrace.engine.operator.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one persistent query on Kafka: its own consumer group ({@code
 * _millrace-<serviceId>-query-<queryId>}), one task per input partition of each sub-topology,
 * RocksDB state per task under {@code <stateDirectory>/<queryId>/<task>/<store>} backed by
 * compacted changelog topics, internal repartition topics between sub-topologies, and a processing
 * log for skipped records.
 *
 * <p>{@link #start()} checks and creates the topics, then processes on a thread of its own until
 * {@link #stop()}. Output, changelog writes and input offsets are committed together — in a
 * transaction under {@link ProcessingGuarantee#EXACTLY_ONCE}, output flushed before offsets under
 * at-least-once — so a crash loses no committed output. A failure it cannot skip moves the query to
 * {@link QueryState#ERROR} with the reason in {@link #error()}; {@link #start()} may retry it.
 */
public final class KafkaQueryRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaQueryRuntime.class);

  private final String queryId;
  private final Topology topology;
  private final RuntimeConfig config;
  private final OffsetReset reset;
  private final QueryNames names;
  private final QueryCounters counters = new QueryCounters();
  private volatile QueryState state = QueryState.NOT_RUNNING;
  private volatile QueryError error;
  private volatile QueryRun run;

  /** Each store's partition count, known once the topics are prepared. */
  private volatile Map<String, Integer> storePartitions = Map.of();

  /**
   * {@code reset}: where to start reading source partitions the query has not committed offsets
   * for.
   */
  public KafkaQueryRuntime(
      String queryId, Topology topology, RuntimeConfig config, OffsetReset reset) {
    this.queryId = queryId;
    this.topology = topology;
    this.config = config;
    this.reset = reset;
    this.names = new QueryNames(config.serviceId(), queryId);
  }

  public String queryId() {
    return queryId;
  }

  /** The query's consumer group id; its internal topics' names start with it. */
  public String groupId() {
    return names.groupId();
  }

  public QueryState state() {
    return state;
  }

  /** Why the query is in {@link QueryState#ERROR}, if it is. */
  public Optional<QueryError> error() {
    return Optional.ofNullable(error);
  }

  /** How many records the query has processed and reported so far. */
  public QueryStatistics statistics() {
    return counters.snapshot();
  }

  /**
   * Prepares the topics and starts processing in the background; does nothing if running. Fails
   * with {@link QueryStartException} (and moves to ERROR) when a source topic is missing, the
   * topics cannot be co-partitioned, or Kafka cannot be reached.
   */
  public synchronized void start() {
    if (state == QueryState.RUNNING) {
      return;
    }
    stop();
    error = null;
    try {
      try (Admin admin = new KafkaClients(config, names.groupId()).admin()) {
        prepareTopics(new InternalTopics(admin));
      }
      run = new QueryRun(queryId, topology, config, names, reset, counters);
    } catch (RuntimeException e) {
      fail(e);
      throw e instanceof QueryStartException start
          ? start
          : new QueryStartException("cannot start query " + queryId + ": " + e.getMessage(), e);
    }
    state = QueryState.RUNNING;
    run.start(
        "millrace-query-" + queryId,
        this::fail,
        () -> {
          if (state == QueryState.RUNNING) {
            state = QueryState.NOT_RUNNING;
          }
        });
  }

  private void prepareTopics(InternalTopics topics) {
    TopicLayout layout = new TopicLayout(topology, topics.partitions(topology.sourceTopics()));
    for (String topic : topology.repartitionTopics()) {
      topics.ensure(
          names.repartitionTopic(topic),
          layout.partitions(topic),
          InternalTopics.REPARTITION_CONFIG);
    }
    layout
        .storePartitions()
        .forEach(
            (store, partitions) ->
                topics.ensure(
                    names.changelogTopic(store), partitions, InternalTopics.CHANGELOG_CONFIG));
    storePartitions = Map.copyOf(layout.storePartitions());
    topics.ensureExists(config.processingLogTopic(), 1, Map.of());
  }

  private void fail(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    error = new QueryError(message, Instant.now());
    state = QueryState.ERROR;
    LOG.error("Query {} failed: {}", queryId, message);
  }

  /** Commits what has been processed, closes the tasks (checkpointing their state) and stops. */
  public synchronized void stop() {
    if (run != null) {
      run.stop();
      run = null;
    }
  }

  /**
   * Stops the query and deletes what it leaves behind, for a query terminated for good: its
   * repartition and changelog topics, its consumer group and its local state directory. Source and
   * sink topics are not touched.
   */
  public synchronized void cleanUp() {
    stop();
    List<String> internal = new ArrayList<>();
    topology.repartitionTopics().forEach(topic -> internal.add(names.repartitionTopic(topic)));
    topology.stores().forEach(store -> internal.add(names.changelogTopic(store)));
    try (Admin admin = new KafkaClients(config, names.groupId()).admin()) {
      InternalTopics topics = new InternalTopics(admin);
      topics.deleteIfExist(internal);
      topics.deleteGroupIfExists(names.groupId());
    }
    TaskStores.deleteRecursively(config.stateDirectory().resolve(queryId));
    state = QueryState.NOT_RUNNING;
  }

  /**
   * Stops as {@code kill -9} would leave things: the open transaction neither committed nor
   * aborted, no state checkpointed. For tests of crash recovery only.
   */
  synchronized void crash() {
    if (run != null) {
      run.crash();
      run = null;
    }
  }

  /**
   * This instance's readable copies of the store {@code name}: one per local task that has restored
   * it, with the store's partition count, for reads (pull queries) from other threads. A copy whose
   * task closes (the partition moved, the query stopped) fails further reads with {@link
   * IllegalStateException}: ask again.
   */
  public LocalStores localStores(String name) {
    QueryRun current = run;
    if (current == null) {
      return new LocalStores(List.of(), 0, Optional.empty());
    }
    String changelog = names.changelogTopic(name);
    return new LocalStores(
        current.stores(name),
        storePartitions.getOrDefault(name, 0),
        current.restoring().filter(progress -> progress.changelog().topic().equals(changelog)));
  }

  @Override
  public void close() {
    stop();
  }
}
