package dev.millrace.engine.runtime;

import dev.millrace.engine.operator.SubTopology;
import dev.millrace.engine.operator.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
 * {@link QueryState#ERROR} with the reason in {@link #error()}; after a {@link
 * QueryError.Type#SYSTEM SYSTEM} error (one a retry may cure) the query restarts by itself after a
 * {@link RestartBackoff}, other errors leave it stopped until {@link #start()} is called again.
 */
public final class KafkaQueryRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaQueryRuntime.class);

  /** How many of its latest errors a query keeps, as ksqlDB's error queue does. */
  static final int KEPT_ERRORS = 10;

  /** Waits out the backoffs of every query of the process; restarts are rare and short. */
  private static final ScheduledExecutorService RESTARTS =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "millrace-query-restarts");
            thread.setDaemon(true);
            return thread;
          });

  private final String queryId;
  private final Topology topology;
  private final RuntimeConfig config;
  private final OffsetReset reset;
  private final QueryNames names;
  private final RestartBackoff backoff;
  private final QueryCounters counters;
  private final Object failures = new Object();
  private final Deque<QueryError> errors = new ArrayDeque<>();
  private volatile QueryState state = QueryState.NOT_RUNNING;
  private volatile boolean paused;
  private volatile QueryError error;
  private volatile QueryRun run;
  private ScheduledFuture<?> restart;
  private long restartToken;
  private boolean stopped;
  private int failuresInARow;
  private volatile long runStarted;

  /** Each store's partition count, known once the topics are prepared. */
  private volatile Map<String, Integer> storePartitions = Map.of();

  /**
   * {@code reset}: where to start reading source partitions the query has not committed offsets
   * for.
   */
  public KafkaQueryRuntime(
      String queryId, Topology topology, RuntimeConfig config, OffsetReset reset) {
    this(queryId, topology, config, reset, RestartBackoff.DEFAULT);
  }

  /** {@code backoff}: how long to wait before restarting after a SYSTEM error. */
  public KafkaQueryRuntime(
      String queryId,
      Topology topology,
      RuntimeConfig config,
      OffsetReset reset,
      RestartBackoff backoff) {
    this.queryId = queryId;
    this.topology = topology;
    this.config = config;
    this.reset = reset;
    this.backoff = backoff;
    this.names = new QueryNames(config.serviceId(), queryId);
    this.counters = new QueryCounters(topology.steps());
  }

  public String queryId() {
    return queryId;
  }

  /** The query's consumer group id; its internal topics' names start with it. */
  public String groupId() {
    return names.groupId();
  }

  /** The run's state; PAUSED for a running query that is paused. */
  public QueryState state() {
    QueryState current = state;
    return paused && current == QueryState.RUNNING ? QueryState.PAUSED : current;
  }

  /**
   * Stops processing, keeping the query's group membership, partitions, offsets and state, until
   * {@link #resume()}. Before {@link #start()}, the query starts paused. Restarts after an error
   * stay paused.
   */
  public void pause() {
    paused = true;
  }

  /** Carries on processing from where {@link #pause()} left off. */
  public void resume() {
    paused = false;
  }

  /** Why the query is in {@link QueryState#ERROR}, if it is. */
  public Optional<QueryError> error() {
    return Optional.ofNullable(error);
  }

  /**
   * The query's latest errors (at most {@value #KEPT_ERRORS}), oldest first, kept across restarts.
   */
  public List<QueryError> errors() {
    synchronized (failures) {
      return List.copyOf(errors);
    }
  }

  /** Whether the query is in ERROR and waiting out its backoff before it restarts by itself. */
  public boolean restartPending() {
    synchronized (failures) {
      return restart != null;
    }
  }

  /** How many records the query has processed and reported so far. */
  public QueryStatistics statistics() {
    return counters.snapshot();
  }

  /** The bytes the query's local state (RocksDB stores and checkpoints) takes on disk here. */
  public long localStateBytes() {
    return TaskStores.sizeOnDisk(config.stateDirectory().resolve(queryId));
  }

  /** The bytes each of the query's stores takes on disk here, over this instance's tasks. */
  public Map<String, Long> storeBytes() {
    Map<String, Long> bytes = new LinkedHashMap<>();
    Path directory = config.stateDirectory().resolve(queryId);
    topology.stores().forEach(name -> bytes.put(name, TaskStores.storeSizeOnDisk(directory, name)));
    return bytes;
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
    startRun();
  }

  private void startRun() {
    synchronized (failures) {
      stopped = false;
    }
    error = null;
    runStarted = System.nanoTime();
    try {
      try (Admin admin = new KafkaClients(config, names.groupId()).admin()) {
        prepareTopics(new InternalTopics(admin));
      }
      run = new QueryRun(queryId, topology, config, names, reset, counters, () -> paused);
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

  /**
   * Records the failure and, for a SYSTEM error, schedules a restart. Called on the query's thread
   * as its run ends, so it must not wait for this runtime's monitor (held by {@link #stop()} while
   * it joins that thread): the error bookkeeping has a lock of its own.
   */
  private void fail(Throwable e) {
    synchronized (failures) {
      error = QueryError.of(e, Instant.now());
      errors.addLast(error);
      if (errors.size() > KEPT_ERRORS) {
        errors.removeFirst();
      }
      state = QueryState.ERROR;
      // A run that lasted longer than the longest backoff had recovered: its failure is a first.
      boolean recovered = System.nanoTime() - runStarted > backoff.max().toNanos();
      failuresInARow = recovered ? 1 : failuresInARow + 1;
      if (stopped) {
        return; // failed while being stopped: it must not come back
      }
      if (error.type() != QueryError.Type.SYSTEM) {
        LOG.error("Query {} failed ({} error): {}", queryId, error.type(), error.message());
        return;
      }
      Duration delay = backoff.delay(failuresInARow);
      LOG.warn(
          "Query {} failed ({} error), restarting in {} ms: {}",
          queryId,
          error.type(),
          delay.toMillis(),
          error.message());
      long token = ++restartToken;
      restart =
          RESTARTS.schedule(
              () -> restartAfterBackoff(token), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void restartAfterBackoff(long token) {
    synchronized (failures) {
      if (restart == null || token != restartToken) {
        return; // stopped, or restarted otherwise, meanwhile
      }
      restart = null;
    }
    if (run != null) {
      run.stop(); // its thread has ended or is closing its clients
      run = null;
    }
    try {
      startRun();
    } catch (RuntimeException stillFailing) {
      // fail() has recorded it and, if it is still a SYSTEM error, scheduled the next attempt.
    }
  }

  /** Cancels a pending restart, and keeps one from being scheduled until the next start. */
  private void cancelRestart() {
    synchronized (failures) {
      stopped = true;
      if (restart != null) {
        restart.cancel(false);
        restart = null;
      }
    }
  }

  /** Commits what has been processed, closes the tasks (checkpointing their state) and stops. */
  public synchronized void stop() {
    cancelRestart();
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
      return LocalStores.none();
    }
    String changelog = names.changelogTopic(name);
    return new LocalStores(
        current.stores(name),
        storePartitions.getOrDefault(name, 0),
        current.restoring().filter(progress -> progress.changelog().topic().equals(changelog)));
  }

  /**
   * The input partitions of the tasks this instance runs now, by topic (as named on Kafka: internal
   * repartition topics under their full names); empty when the query is not running here.
   */
  public SortedMap<String, SortedSet<Integer>> activePartitions() {
    QueryRun current = run;
    SortedMap<String, SortedSet<Integer>> active = new TreeMap<>();
    if (current == null) {
      return active;
    }
    for (TaskId task : current.taskIds()) {
      SubTopology subTopology = topology.subTopologies().get(task.subTopology());
      for (String input : subTopology.inputTopics()) {
        String topic =
            topology.repartitionTopics().contains(input) ? names.repartitionTopic(input) : input;
        active.computeIfAbsent(topic, t -> new TreeSet<>()).add(task.partition());
      }
    }
    return active;
  }

  /** The names of the query's state stores. */
  public List<String> stores() {
    return topology.stores();
  }

  /** The changelog topic of the query's store {@code name}. */
  public String changelogTopic(String store) {
    return names.changelogTopic(store);
  }

  @Override
  public void close() {
    stop();
  }
}
