package dev.millrace.server.service;

import dev.millrace.engine.operator.Row;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.registry.SchemaRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A backend that hands every call to another and writes down how pull queries read tables. */
final class RecordingBackend implements QueryBackend {
  final List<String> reads = new ArrayList<>();
  private final QueryBackend delegate;

  RecordingBackend(QueryBackend delegate) {
    this.delegate = delegate;
  }

  @Override
  public boolean topicExists(String topic) {
    return delegate.topicExists(topic);
  }

  @Override
  public void createTopic(String topic, int partitions, Optional<Short> replicas) {
    delegate.createTopic(topic, partitions, replicas);
  }

  @Override
  public int partitions(String topic) {
    return delegate.partitions(topic);
  }

  @Override
  public List<TopicSummary> topics(boolean includeInternal) {
    return delegate.topics(includeInternal);
  }

  @Override
  public void deleteTopic(String topic) {
    delegate.deleteTopic(topic);
  }

  @Override
  public void produce(String topic, byte[] key, byte[] value, long timestamp) {
    delegate.produce(topic, key, value, timestamp);
  }

  @Override
  public void startPersistent(String queryId, PlanStep plan, QuerySettings settings) {
    delegate.startPersistent(queryId, plan, settings);
  }

  @Override
  public void replacePersistent(String queryId, PlanStep plan, QuerySettings settings) {
    delegate.replacePersistent(queryId, plan, settings);
  }

  @Override
  public void stopPersistent(String queryId, boolean cleanUp) {
    delegate.stopPersistent(queryId, cleanUp);
  }

  @Override
  public void pausePersistent(String queryId, boolean paused) {
    delegate.pausePersistent(queryId, paused);
  }

  @Override
  public QueryStatus status(String queryId) {
    return delegate.status(queryId);
  }

  @Override
  public Optional<QueryMetrics> metrics(String queryId) {
    return delegate.metrics(queryId);
  }

  @Override
  public RunningTransientQuery startTransient(
      String queryId,
      PlanStep plan,
      boolean fromBeginning,
      QuerySettings settings,
      Consumer<Row> rows) {
    return delegate.startTransient(queryId, plan, fromBeginning, settings, rows);
  }

  @Override
  public Optional<List<Row>> materialisedRows(String queryId, Optional<List<List<Object>>> keys) {
    Optional<List<Row>> rows = delegate.materialisedRows(queryId, keys);
    reads.add(
        (rows.isPresent() ? "state " : "no state ")
            + queryId
            + keys.map(k -> " keys " + k).orElse(" scan"));
    return rows;
  }

  @Override
  public List<TopicRecord> readTopic(String topic) {
    reads.add("topic " + topic);
    return delegate.readTopic(topic);
  }

  @Override
  public RunningTransientQuery tailTopic(
      String topic, boolean fromBeginning, Consumer<List<TopicRecord>> batches) {
    reads.add("tail " + topic);
    return delegate.tailTopic(topic, fromBeginning, batches);
  }

  @Override
  public SchemaRegistry schemaRegistry() {
    return delegate.schemaRegistry();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
