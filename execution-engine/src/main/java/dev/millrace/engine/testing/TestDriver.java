package dev.millrace.engine.testing;

import dev.millrace.engine.operator.InputRecord;
import dev.millrace.engine.operator.ProcessingError;
import dev.millrace.engine.operator.StepCounts;
import dev.millrace.engine.operator.Topology;
import dev.millrace.engine.state.KeyValueStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs queries' topologies without Kafka, as Kafka Streams' TopologyTestDriver does and as ksqlDB's
 * query-validation tests expect: in-memory topics; records piped in one at a time, each processed
 * completely (through repartition topics and through every query reading what it produces) before
 * the call returns; stream time moving only with record timestamps; every table and aggregate
 * update written out (no caching); deterministic, so the same input gives byte-identical output.
 * The operators are the same as on the Kafka runtime: only the record source and sink, the stores
 * (memory) and the clock differ.
 *
 * <p>Many queries may share a driver (a query reading another's output). A query started after
 * records were written reads them first, as a query starting from the earliest offset does. Each
 * query runs one task per sub-topology, reading every partition. Records the queries write go to
 * partition 0, as under TopologyTestDriver (so ROWPARTITION downstream matches ksqlDB's tests).
 *
 * <p>A paused query is handed no records: those it would read wait, in order, until it is resumed.
 */
public final class TestDriver implements AutoCloseable {
  /**
   * More records than this caused by one input mean a query feeds its own input: stop, not hang.
   */
  static final int MAX_RECORDS_PER_INPUT = 100_000;

  private final Map<String, InMemoryTopic> topics = new LinkedHashMap<>();
  private final Map<String, RunningQuery> queries = new LinkedHashMap<>();

  /** The records each paused query has not read yet, in the order written. */
  private final Map<String, List<TestRecord>> held = new LinkedHashMap<>();

  private final List<TestRecord> written = new ArrayList<>();
  private final Deque<TestRecord> pending = new ArrayDeque<>();
  private final List<QueryError> errors = new ArrayList<>();
  private final TestClock clock;

  public TestDriver() {
    this(0L);
  }

  /** A driver whose wall clock starts at {@code startMs}. */
  public TestDriver(long startMs) {
    this.clock = new TestClock(startMs);
  }

  public TestClock clock() {
    return clock;
  }

  /** Creates a topic; an existing topic is left as it is. */
  public void createTopic(String name, int partitions) {
    topics.computeIfAbsent(name, n -> new InMemoryTopic(n, partitions));
  }

  public boolean hasTopic(String name) {
    return topics.containsKey(name);
  }

  /** The number of partitions of an existing topic. */
  public int partitions(String topic) {
    return topic(topic).partitionCount();
  }

  /** Every topic, internal repartition topics included, in creation order. */
  public List<String> topicNames() {
    return List.copyOf(topics.keySet());
  }

  /**
   * Starts a query: creates the topics it reads and writes that do not exist yet (one partition),
   * then has it read the records already in its source topics, in the order they were written.
   */
  public void startQuery(String queryId, Topology topology) {
    if (queries.containsKey(queryId)) {
      throw new IllegalArgumentException("query " + queryId + " is already running");
    }
    RunningQuery query = new RunningQuery(queryId, topology, this);
    topology.sourceTopics().forEach(t -> createTopic(t, 1));
    topology.sinkTopics().forEach(t -> createTopic(t, 1));
    topology.repartitionTopics().forEach(t -> createTopic(query.driverTopic(t), 1));
    queries.put(queryId, query);
    for (TestRecord record : List.copyOf(written)) {
      if (query.reads(record.topic())) {
        deliver(queryId, query, record);
        drain();
      }
    }
  }

  /**
   * Upgrades a query in place: {@code topology} takes over the old query's state stores (by name)
   * and its place in the topics, reading only records written from now on, as a query restarted
   * from its committed offsets does. A query that does not run is started on no records at all; one
   * that is paused stays paused.
   */
  public void replaceQuery(String queryId, Topology topology) {
    RunningQuery old = queries.remove(queryId);
    Map<String, KeyValueStore> stores = old == null ? Map.of() : old.detachStores();
    RunningQuery query = new RunningQuery(queryId, topology, this, stores);
    topology.sinkTopics().forEach(t -> createTopic(t, 1));
    topology.repartitionTopics().forEach(t -> createTopic(query.driverTopic(t), 1));
    queries.put(queryId, query);
    // What the query wrote as it started over the old state (a foreign-key join subscribing its
    // rows) is read now.
    drain();
  }

  /** Stops a query and drops its state and pause; its topics stay. */
  public void stopQuery(String queryId) {
    held.remove(queryId);
    RunningQuery query = queries.remove(queryId);
    if (query != null) {
      query.close();
    }
  }

  /**
   * Pauses a query: records written from now on wait for {@link #resumeQuery}. A query paused
   * before it starts starts paused.
   */
  public void pauseQuery(String queryId) {
    held.putIfAbsent(queryId, new ArrayList<>());
  }

  /**
   * Resumes a paused query: it reads what it was held back from, in order, and what that causes.
   */
  public void resumeQuery(String queryId) {
    List<TestRecord> waiting = held.remove(queryId);
    RunningQuery query = queries.get(queryId);
    if (waiting == null || query == null) {
      return;
    }
    for (TestRecord record : waiting) {
      query.deliver(record);
      drain();
    }
  }

  /** The queries paused now. */
  public Set<String> pausedQueries() {
    return Set.copyOf(held.keySet());
  }

  public Set<String> runningQueries() {
    return Set.copyOf(queries.keySet());
  }

  /** Writes a record to partition 0 of {@code topic} and processes everything it causes. */
  public void pipeInput(String topic, byte[] key, byte[] value, long timestamp) {
    pipeInput(topic, 0, key, value, timestamp, List.of());
  }

  /** Writes a record stamped with the wall clock's time. */
  public void pipeInput(String topic, byte[] key, byte[] value) {
    pipeInput(topic, key, value, clock.nowMs());
  }

  /** Writes a record to a given partition, with headers, and processes everything it causes. */
  public void pipeInput(
      String topic,
      int partition,
      byte[] key,
      byte[] value,
      long timestamp,
      List<InputRecord.Header> headers) {
    createTopic(topic, 1);
    pending.add(append(topic, partition, key, value, timestamp, headers));
    drain();
  }

  /** Every record written to {@code topic} so far (input and output alike), in order. */
  public List<TestRecord> records(String topic) {
    InMemoryTopic found = topics.get(topic);
    return found == null ? List.of() : found.records();
  }

  /** A running query's store (for pull queries and tests). */
  public KeyValueStore store(String queryId, String storeName) {
    RunningQuery query = queries.get(queryId);
    if (query == null) {
      throw new IllegalArgumentException("no running query " + queryId);
    }
    return query.store(storeName);
  }

  /** What each step of a running query's plan has done, by step number. */
  public List<StepCounts> stepCounts(String queryId) {
    RunningQuery query = queries.get(queryId);
    if (query == null) {
      throw new IllegalArgumentException("no running query " + queryId);
    }
    return query.stepCounts();
  }

  /** The bytes of the keys and values each store of a running query holds, by store name. */
  public Map<String, Long> storeBytes(String queryId) {
    RunningQuery query = queries.get(queryId);
    if (query == null) {
      throw new IllegalArgumentException("no running query " + queryId);
    }
    return query.storeBytes();
  }

  /** The processing-log entries of every query so far, in order. */
  public List<QueryError> processingLog() {
    return List.copyOf(errors);
  }

  @Override
  public void close() {
    List.copyOf(queries.keySet()).forEach(this::stopQuery);
  }

  /** A processing-log entry and the query that wrote it. */
  public record QueryError(String queryId, ProcessingError error) {}

  void write(String topic, byte[] key, byte[] value, long timestamp) {
    createTopic(topic, 1);
    pending.add(append(topic, 0, key, value, timestamp, List.of()));
  }

  void log(String queryId, ProcessingError error) {
    errors.add(new QueryError(queryId, error));
  }

  private TestRecord append(
      String topic,
      int partition,
      byte[] key,
      byte[] value,
      long timestamp,
      List<InputRecord.Header> headers) {
    TestRecord record = topic(topic).append(partition, key, value, timestamp, headers);
    written.add(record);
    return record;
  }

  private void drain() {
    int processed = 0;
    while (!pending.isEmpty()) {
      if (++processed > MAX_RECORDS_PER_INPUT) {
        pending.clear();
        throw new IllegalStateException(
            "one input record caused more than "
                + MAX_RECORDS_PER_INPUT
                + " records: a query's output feeds back into its own input");
      }
      TestRecord record = pending.poll();
      for (Map.Entry<String, RunningQuery> query : List.copyOf(queries.entrySet())) {
        deliver(query.getKey(), query.getValue(), record);
      }
    }
  }

  private void deliver(String queryId, RunningQuery query, TestRecord record) {
    List<TestRecord> waiting = held.get(queryId);
    if (waiting == null) {
      query.deliver(record);
    } else if (query.reads(record.topic())) {
      waiting.add(record);
    }
  }

  private InMemoryTopic topic(String name) {
    InMemoryTopic topic = topics.get(name);
    if (topic == null) {
      throw new IllegalArgumentException("no topic " + name);
    }
    return topic;
  }
}
