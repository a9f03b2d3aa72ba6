package dev.millrace.server.offline;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.operator.InputRecord;
import dev.millrace.engine.operator.MaterializedTable;
import dev.millrace.engine.operator.Row;
import dev.millrace.engine.operator.TopologyBuilder;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.runtime.QueryState;
import dev.millrace.engine.testing.TestDriver;
import dev.millrace.engine.testing.TestRecord;
import dev.millrace.server.service.EngineException;
import dev.millrace.server.service.ErrorCode;
import dev.millrace.server.service.MaterialisedReads;
import dev.millrace.server.service.QueryBackend;
import dev.millrace.server.service.QueryMetrics;
import dev.millrace.server.service.QuerySettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The engine's backend for offline runs: topics and queries on the in-memory {@link TestDriver},
 * which runs the same operators as the Kafka runtime, record by record and deterministically. Pull
 * queries read the driver's stores; push queries need a server and are refused here.
 */
public final class InMemoryBackend implements QueryBackend {
  private final TestDriver driver = new TestDriver();
  private final TopologyBuilder topologies;
  private final SchemaRegistry registry;
  private final FunctionRegistry functions;
  private final Map<String, MaterializedTable> tables = new ConcurrentHashMap<>();

  /** A backend whose registry formats use a fresh in-memory schema registry. */
  public InMemoryBackend(FunctionRegistry functions) {
    this(functions, new InMemorySchemaRegistry());
  }

  public InMemoryBackend(FunctionRegistry functions, SchemaRegistry registry) {
    this.registry = registry;
    this.topologies = new TopologyBuilder(functions, registry);
    this.functions = functions;
  }

  /** The driver, for piping input records and reading output records. */
  public TestDriver driver() {
    return driver;
  }

  /** Every record written to the topic so far. */
  public List<TestRecord> records(String topic) {
    return driver.hasTopic(topic) ? driver.records(topic) : List.of();
  }

  @Override
  public SchemaRegistry schemaRegistry() {
    return registry;
  }

  @Override
  public boolean topicExists(String topic) {
    return driver.hasTopic(topic);
  }

  @Override
  public void createTopic(String topic, int partitions, Optional<Short> replicas) {
    driver.createTopic(topic, partitions);
  }

  @Override
  public int partitions(String topic) {
    return driver.partitions(topic);
  }

  @Override
  public List<TopicSummary> topics(boolean includeInternal) {
    return driver.topicNames().stream()
        .filter(t -> includeInternal || !t.startsWith("_"))
        .map(t -> new TopicSummary(t, driver.partitions(t), 1))
        .toList();
  }

  @Override
  public void deleteTopic(String topic) {
    // In-memory topics live only as long as the run; a dropped source's records stay readable for
    // checks.
  }

  @Override
  public void produce(String topic, byte[] key, byte[] value, long timestamp) {
    driver.pipeInput(topic, key, value, timestamp);
  }

  /** Writes a record with headers to partition 0 of {@code topic}. */
  public void produce(
      String topic, byte[] key, byte[] value, long timestamp, List<InputRecord.Header> headers) {
    driver.pipeInput(topic, 0, key, value, timestamp, headers);
  }

  /**
   * The test driver processes records in input order: it needs no time synchronisation settings.
   */
  @Override
  public void startPersistent(String queryId, PlanStep plan, QuerySettings settings) {
    driver.startQuery(queryId, topologies.build(plan));
    MaterializedTable.of(plan, functions).ifPresent(table -> tables.put(queryId, table));
  }

  @Override
  public void replacePersistent(String queryId, PlanStep plan, QuerySettings settings) {
    driver.replaceQuery(queryId, topologies.build(plan));
    tables.remove(queryId);
    MaterializedTable.of(plan, functions).ifPresent(table -> tables.put(queryId, table));
  }

  @Override
  public void stopPersistent(String queryId, boolean cleanUp) {
    tables.remove(queryId);
    driver.stopQuery(queryId);
  }

  @Override
  public void pausePersistent(String queryId, boolean paused) {
    if (paused) {
      driver.pauseQuery(queryId);
    } else {
      driver.resumeQuery(queryId);
    }
  }

  /** The test driver's queries run until stopped: a failure is reported per record. */
  @Override
  public QueryStatus status(String queryId) {
    if (!driver.runningQueries().contains(queryId)) {
      return QueryStatus.NOT_RUNNING;
    }
    return driver.pausedQueries().contains(queryId)
        ? new QueryStatus(QueryState.PAUSED, List.of())
        : QueryStatus.RUNNING;
  }

  @Override
  public Optional<QueryMetrics> metrics(String queryId) {
    return Optional.empty();
  }

  @Override
  public RunningTransientQuery startTransient(
      String queryId,
      PlanStep plan,
      boolean fromBeginning,
      QuerySettings settings,
      Consumer<Row> rows) {
    throw new EngineException(
        ErrorCode.BAD_STATEMENT,
        "Push queries need a running server; offline runs support persistent queries only");
  }

  @Override
  public Optional<List<Row>> materialisedRows(String queryId, Optional<List<List<Object>>> keys) {
    MaterializedTable table = tables.get(queryId);
    return table == null
        ? Optional.empty()
        : Optional.of(
            MaterialisedReads.read(table, List.of(driver.store(queryId, table.storeName())), keys));
  }

  @Override
  public List<TopicRecord> readTopic(String topic) {
    return records(topic).stream()
        .map(
            r ->
                new TopicRecord(
                    r.partition(), r.offset(), r.key(), r.value(), r.timestamp(), r.headers()))
        .toList();
  }

  /**
   * The in-memory topics are printed as they are when PRINT starts: from the beginning, every
   * record so far; else nothing (no record arrives while a PRINT runs offline).
   */
  @Override
  public RunningTransientQuery tailTopic(
      String topic, boolean fromBeginning, Consumer<List<TopicRecord>> batches) {
    List<TopicRecord> records = fromBeginning ? readTopic(topic) : List.of();
    if (!records.isEmpty()) {
      batches.accept(records);
    }
    return () -> {};
  }

  @Override
  public void close() {
    driver.close();
  }
}
