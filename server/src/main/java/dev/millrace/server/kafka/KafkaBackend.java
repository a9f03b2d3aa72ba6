package dev.millrace.server.kafka;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.operator.MaterializedTable;
import dev.millrace.engine.operator.Row;
import dev.millrace.engine.operator.TopologyBuilder;
import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.registry.UnconfiguredSchemaRegistry;
import dev.millrace.engine.runtime.KafkaQueryRuntime;
import dev.millrace.engine.runtime.LocalStores;
import dev.millrace.engine.runtime.OffsetReset;
import dev.millrace.engine.runtime.QueryStatistics;
import dev.millrace.engine.runtime.RestartBackoff;
import dev.millrace.engine.runtime.RuntimeConfig;
import dev.millrace.engine.runtime.TransientQueryRuntime;
import dev.millrace.engine.state.KeyValueStore;
import dev.millrace.server.service.ConsumerLag;
import dev.millrace.server.service.LocalQueryState;
import dev.millrace.server.service.MaterialisedReads;
import dev.millrace.server.service.OwnedRows;
import dev.millrace.server.service.QueryBackend;
import dev.millrace.server.service.QueryMetrics;
import dev.millrace.server.service.QuerySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's backend on a Kafka cluster: topics through the admin client, persistent and push
 * queries on the Kafka runtime, INSERT VALUES through one idempotent producer, pull queries from
 * the RocksDB stores of the queries running here.
 */
public final class KafkaBackend implements QueryBackend {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaBackend.class);

  private final TopicAdmin admin;
  private final RuntimeConfig runtime;
  private final TopologyBuilder topologies;
  private final SchemaRegistry registry;
  private final FunctionRegistry functions;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Map<String, KafkaQueryRuntime> queries = new ConcurrentHashMap<>();
  private final Map<String, MaterializedTable> tables = new ConcurrentHashMap<>();

  /**
   * What the runtimes a query had before its current one counted (CREATE OR REPLACE starts a new
   * one), so that its {@code /metrics} counters carry on rather than start again from 0.
   */
  private final Map<String, QueryStatistics> earlierRuns = new ConcurrentHashMap<>();

  /** The paused queries, including those paused before they start here (restored paused). */
  private final Set<String> paused = ConcurrentHashMap.newKeySet();

  private final RestoredStateReads stateReads;
  private final RestartBackoff restartBackoff;

  /**
   * A backend without a schema registry: registry formats (AVRO, JSON_SR, PROTOBUF) are refused.
   */
  public KafkaBackend(RuntimeConfig runtime, FunctionRegistry functions, Duration restoreWait) {
    this(runtime, functions, restoreWait, UnconfiguredSchemaRegistry.INSTANCE);
  }

  /**
   * @param restoreWait how long a pull query waits for a table's state to be restored here before
   *     it is refused
   * @param registry the schema registry of the registry formats (AVRO, JSON_SR, PROTOBUF)
   */
  public KafkaBackend(
      RuntimeConfig runtime,
      FunctionRegistry functions,
      Duration restoreWait,
      SchemaRegistry registry) {
    this(runtime, functions, restoreWait, registry, RestartBackoff.DEFAULT);
  }

  /**
   * @param restartBackoff how long a query failed by a SYSTEM error waits before it restarts
   */
  public KafkaBackend(
      RuntimeConfig runtime,
      FunctionRegistry functions,
      Duration restoreWait,
      SchemaRegistry registry,
      RestartBackoff restartBackoff) {
    this.restartBackoff = restartBackoff;
    this.stateReads = new RestoredStateReads(restoreWait);
    this.admin = TopicAdmin.connect(runtime.bootstrapServers(), runtime.clientProperties());
    this.runtime = runtime;
    this.registry = registry;
    this.topologies = new TopologyBuilder(functions, registry);
    this.functions = functions;
    this.producer =
        new KafkaProducer<>(
            producerProperties(runtime), new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static Properties producerProperties(RuntimeConfig runtime) {
    Properties properties = new Properties();
    properties.putAll(runtime.clientProperties());
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, runtime.bootstrapServers());
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    properties.put(ProducerConfig.CLIENT_ID_CONFIG, runtime.serviceId() + "-inserts");
    return properties;
  }

  @Override
  public SchemaRegistry schemaRegistry() {
    return registry;
  }

  @Override
  public boolean topicExists(String topic) {
    return admin.exists(topic);
  }

  @Override
  public void createTopic(String topic, int partitions, Optional<Short> replicas) {
    TopicSpec spec = TopicSpec.of(topic, partitions);
    try {
      admin.createIfAbsent(replicas.map(spec::withReplicas).orElse(spec));
    } catch (TopicAdminException refused) {
      throw KafkaErrors.translate("Could not create topic '" + topic + "'", refused);
    }
  }

  @Override
  public int partitions(String topic) {
    return admin.describe(topic).partitions().size();
  }

  @Override
  public List<TopicSummary> topics(boolean includeInternal) {
    List<TopicSummary> topics = new ArrayList<>();
    for (String name : admin.list()) {
      if (includeInternal || !name.startsWith("_")) {
        TopicDescription description = admin.describe(name);
        topics.add(new TopicSummary(name, description.partitions().size(), description.replicas()));
      }
    }
    return topics;
  }

  @Override
  public void deleteTopic(String topic) {
    try {
      admin.delete(topic);
    } catch (TopicAdminException refused) {
      throw KafkaErrors.translate("Could not delete topic '" + topic + "'", refused);
    }
  }

  @Override
  public void produce(String topic, byte[] key, byte[] value, long timestamp) {
    try {
      producer.send(new ProducerRecord<>(topic, null, timestamp, key, value)).get();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing to " + topic);
    } catch (ExecutionException failed) {
      throw KafkaErrors.translate(
          "Could not write to topic '" + topic + "'",
          new IllegalStateException(
              "Could not write to topic " + topic + ": " + failed.getCause().getMessage(),
              failed.getCause()));
    }
  }

  @Override
  public void startPersistent(String queryId, PlanStep plan, QuerySettings settings) {
    KafkaQueryRuntime query =
        new KafkaQueryRuntime(
            queryId,
            topologies.build(plan),
            configFor(settings),
            settings.offsetReset().orElse(OffsetReset.EARLIEST),
            restartBackoff);
    if (paused.contains(queryId)) {
      query.pause();
    }
    queries.put(queryId, query);
    MaterializedTable.of(plan, functions).ifPresent(table -> tables.put(queryId, table));
    try {
      query.start();
    } catch (RuntimeException failed) {
      throw KafkaErrors.translate("Could not start query " + queryId, failed);
    }
  }

  /**
   * The new plan runs in the old query's consumer group, with its state directory and changelog
   * topics (all named after the query id), so it starts from the offsets the old one committed when
   * it closed, over the state it left.
   */
  @Override
  public void replacePersistent(String queryId, PlanStep plan, QuerySettings settings) {
    KafkaQueryRuntime old = queries.get(queryId);
    if (old != null) {
      earlierRuns.merge(queryId, old.statistics(), KafkaBackend::sum);
    }
    stopPersistent(queryId, false);
    startPersistent(queryId, plan, settings);
  }

  /** Both runs' counts; the step counts are the later plan's alone (its steps are others). */
  private static QueryStatistics sum(QueryStatistics earlier, QueryStatistics later) {
    return new QueryStatistics(
        earlier.processedRecords() + later.processedRecords(),
        earlier.outputRecords() + later.outputRecords(),
        earlier.processingErrors() + later.processingErrors(),
        later.consumerLag(),
        later.steps());
  }

  @Override
  public void stopPersistent(String queryId, boolean cleanUp) {
    tables.remove(queryId);
    if (cleanUp) {
      paused.remove(queryId);
    }
    if (cleanUp) {
      earlierRuns.remove(queryId);
    }
    KafkaQueryRuntime query = queries.remove(queryId);
    if (query == null) {
      return;
    }
    if (!cleanUp) {
      query.close();
      return;
    }
    try {
      query.cleanUp();
    } catch (RuntimeException leftOver) {
      // The query is stopped either way; what could not be deleted only takes space.
      LOG.warn(
          "Query {} stopped, but its internal topics, group or state could not all be deleted: {}",
          queryId,
          leftOver.getMessage());
    }
  }

  @Override
  public void pausePersistent(String queryId, boolean pause) {
    if (pause) {
      paused.add(queryId);
    } else {
      paused.remove(queryId);
    }
    KafkaQueryRuntime query = queries.get(queryId);
    if (query != null && pause) {
      query.pause();
    } else if (query != null) {
      query.resume();
    }
  }

  @Override
  public QueryStatus status(String queryId) {
    KafkaQueryRuntime query = queries.get(queryId);
    return query == null ? QueryStatus.NOT_RUNNING : new QueryStatus(query.state(), query.errors());
  }

  @Override
  public Optional<QueryMetrics> metrics(String queryId) {
    KafkaQueryRuntime query = queries.get(queryId);
    if (query == null) {
      return Optional.empty();
    }
    QueryStatistics counts = query.statistics();
    QueryStatistics earlier = earlierRuns.get(queryId);
    if (earlier != null) {
      counts = sum(earlier, counts);
    }
    return Optional.of(
        new QueryMetrics(
            queryId,
            query.state().name(),
            counts.processedRecords(),
            counts.outputRecords(),
            counts.processingErrors(),
            counts.consumerLag(),
            query.localStateBytes(),
            counts.steps(),
            query.storeBytes()));
  }

  @Override
  public RunningTransientQuery startTransient(
      String queryId,
      PlanStep transientPlan,
      boolean fromBeginning,
      QuerySettings settings,
      Consumer<Row> rows) {
    PlanStep plan = withListenerSink(queryId, transientPlan);
    TransientQueryRuntime query =
        new TransientQueryRuntime(
            queryId,
            plan,
            topologies.build(plan),
            configFor(settings),
            fromBeginning ? OffsetReset.EARLIEST : OffsetReset.LATEST,
            rows::accept);
    query.start();
    return query::close;
  }

  private RuntimeConfig configFor(QuerySettings settings) {
    RuntimeConfig config = runtime.withClientSettings(settings.clients());
    config = settings.maxTaskIdle().map(config::withMaxTaskIdle).orElse(config);
    config = settings.guarantee().map(config::withGuarantee).orElse(config);
    config = settings.commitInterval().map(config::withCommitInterval).orElse(config);
    return settings.recordCacheBytes().map(config::withRecordCacheBytes).orElse(config);
  }

  /**
   * The runtime hands a push query's rows to its listener through an ordinary sink step (so the
   * rows are exactly what a topic would hold); a planned transient sink becomes such a sink, with
   * JSON formats and a topic name that is never created.
   */
  private static PlanStep withListenerSink(String queryId, PlanStep plan) {
    if (!(plan instanceof PlanStep.TransientSink sink)) {
      return plan;
    }
    Formats json = new Formats(FormatInfo.of("JSON"), FormatInfo.of("JSON"), Optional.empty());
    String topic = "_millrace-transient-" + queryId;
    return sink.yieldsTable()
        ? new PlanStep.TableSink(sink.source(), topic, json, sink.schema())
        : new PlanStep.StreamSink(sink.source(), topic, json, sink.schema());
  }

  /**
   * {@inheritDoc} Answers only from state restored and owned here, waiting a bounded time for it
   * (see {@link RestoredStateReads}); throws {@link
   * dev.millrace.server.service.StateNotReadyException} when it is not ready by then.
   */
  @Override
  public Optional<List<Row>> materialisedRows(String queryId, Optional<List<List<Object>>> keys) {
    KafkaQueryRuntime query = queries.get(queryId);
    MaterializedTable table = tables.get(queryId);
    if (query == null || table == null) {
      return Optional.empty();
    }
    return Optional.of(stateReads.read(query, table, keys));
  }

  @Override
  public Optional<OwnedRows> ownedRows(
      String queryId, Optional<List<List<Object>>> keys, Optional<Set<Integer>> only) {
    KafkaQueryRuntime query = queries.get(queryId);
    MaterializedTable table = tables.get(queryId);
    if (query == null || table == null) {
      return Optional.empty();
    }
    LocalStores local = query.localStores(table.storeName());
    SortedMap<Integer, KeyValueStore> owned = new TreeMap<>(local.owned());
    only.ifPresent(wanted -> owned.keySet().retainAll(wanted));
    try {
      List<Row> rows = MaterialisedReads.read(table, List.copyOf(owned.values()), keys);
      return Optional.of(new OwnedRows(rows, new TreeSet<>(owned.keySet()), local.partitions()));
    } catch (IllegalStateException closed) {
      // A store closed under the read (its partition moved): nothing here is certain.
      return Optional.of(new OwnedRows(List.of(), new TreeSet<>(), local.partitions()));
    }
  }

  @Override
  public List<ConsumerLag> consumerLag(String queryId) {
    KafkaQueryRuntime query = queries.get(queryId);
    if (query == null) {
      return List.of();
    }
    Map<TopicPartition, Long> committed = admin.committedOffsets(query.groupId());
    Map<String, List<Integer>> byTopic = new TreeMap<>();
    committed
        .keySet()
        .forEach(
            partition ->
                byTopic
                    .computeIfAbsent(partition.topic(), topic -> new ArrayList<>())
                    .add(partition.partition()));
    List<ConsumerLag> lags = new ArrayList<>();
    byTopic.forEach(
        (topic, partitions) ->
            new TreeMap<>(admin.endOffsets(topic, partitions))
                .forEach(
                    (partition, end) ->
                        lags.add(
                            new ConsumerLag(
                                topic,
                                partition,
                                committed.get(new TopicPartition(topic, partition)),
                                end))));
    return lags;
  }

  @Override
  public Optional<LocalQueryState> localState(String queryId) {
    KafkaQueryRuntime query = queries.get(queryId);
    if (query == null) {
      return Optional.empty();
    }
    SortedMap<String, LocalQueryState.StoreState> stores = new TreeMap<>();
    for (String store : query.stores()) {
      stores.put(store, storeState(query, store));
    }
    return Optional.of(
        new LocalQueryState(
            query.activePartitions(),
            stores,
            Optional.ofNullable(tables.get(queryId)).map(MaterializedTable::storeName)));
  }

  /**
   * Each partition of the store held here with its lag: a restored copy is at its changelog's end
   * (as Kafka Streams counts active copies); a copy being restored is behind by what is left.
   */
  private LocalQueryState.StoreState storeState(KafkaQueryRuntime query, String store) {
    LocalStores local = query.localStores(store);
    String changelog = query.changelogTopic(store);
    Set<Integer> held = new TreeSet<>(local.owned().keySet());
    local.restoring().ifPresent(progress -> held.add(progress.changelog().partition()));
    Map<Integer, Long> ends = held.isEmpty() ? Map.of() : endOffsets(changelog, held);
    SortedMap<Integer, LocalQueryState.StoreLag> lags = new TreeMap<>();
    for (int partition : held) {
      long end = ends.getOrDefault(partition, 0L);
      lags.put(partition, new LocalQueryState.StoreLag(end, end, 0, true));
    }
    local
        .restoring()
        .ifPresent(
            progress -> {
              long end = ends.getOrDefault(progress.changelog().partition(), 0L);
              long left = Math.max(0, progress.total() - progress.restored());
              lags.put(
                  progress.changelog().partition(),
                  new LocalQueryState.StoreLag(end - left, end, left, false));
            });
    return new LocalQueryState.StoreState(changelog, local.partitions(), lags);
  }

  /**
   * The changelog's end offsets; none when Kafka does not answer now, so that the heartbeat still
   * goes out (the lags then read 0).
   */
  private Map<Integer, Long> endOffsets(String changelog, Set<Integer> partitions) {
    try {
      return admin.endOffsets(changelog, partitions);
    } catch (TopicAdminException unanswered) {
      return Map.of();
    }
  }

  @Override
  public List<TopicRecord> readTopic(String topic) {
    return TopicReader.readAll(runtime.bootstrapServers(), runtime.clientProperties(), topic);
  }

  @Override
  public RunningTransientQuery tailTopic(
      String topic, boolean fromBeginning, Consumer<List<TopicRecord>> batches) {
    return new TopicTail(
        runtime.bootstrapServers(), runtime.clientProperties(), topic, fromBeginning, batches);
  }

  @Override
  public void close() {
    new ArrayList<>(queries.keySet()).forEach(id -> stopPersistent(id, false));
    producer.close();
    admin.close();
  }
}
