package dev.millrace.engine.runtime;

import dev.millrace.engine.operator.InputRecord;
import dev.millrace.engine.operator.OutputRecord;
import dev.millrace.engine.operator.Pipeline;
import dev.millrace.engine.operator.ProcessingError;
import dev.millrace.engine.operator.RecordCacheBudget;
import dev.millrace.engine.operator.StepCounters;
import dev.millrace.engine.operator.TaskEnvironment;
import dev.millrace.engine.state.KeyValueStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One sub-topology running over one input partition: its pipeline of operators, its restored
 * stores, and the records it has fetched but not processed or not committed yet.
 */
final class StreamTask implements TaskEnvironment {
  private final TaskId id;
  private final Pipeline pipeline;
  private final TaskStores stores;
  private final QueryProducer producer;
  private final Map<String, String> planTopics;
  private final QueryCounters counters;
  private final TaskInputs inputs;
  private final RecordCacheBudget recordCache;

  /**
   * @param planTopics the topic name the plan uses for each Kafka topic the task reads, where they
   *     differ (internal repartition topics)
   * @param maxTaskIdle how long to wait for records of an input partition at its end ({@link
   *     TaskInputs})
   * @param recordCache the query's record cache budget, shared by its tasks
   */
  StreamTask(
      TaskId id,
      Pipeline pipeline,
      TaskStores stores,
      QueryProducer producer,
      Map<String, String> planTopics,
      QueryCounters counters,
      Duration maxTaskIdle,
      RecordCacheBudget recordCache) {
    this.id = id;
    this.pipeline = pipeline;
    this.stores = stores;
    this.producer = producer;
    this.planTopics = planTopics;
    this.counters = counters;
    this.inputs = new TaskInputs(maxTaskIdle);
    this.recordCache = recordCache;
    pipeline.init(this);
  }

  TaskId id() {
    return id;
  }

  /** Adds an input partition; {@code winsTies}: a table's, processed first at equal timestamps. */
  void register(TopicPartition partition, boolean winsTies) {
    inputs.register(partition, winsTies);
  }

  /**
   * Buffers records fetched from one of the task's partitions until {@link #process} takes them.
   */
  void buffer(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> records) {
    inputs.add(partition, records);
  }

  /**
   * Whether the task holds as many records of {@code partition} as it buffers: stop fetching it.
   */
  boolean full(TopicPartition partition) {
    return inputs.full(partition);
  }

  /**
   * Runs buffered records through the pipeline, smallest timestamp first across the task's
   * partitions, until none is left or an empty partition is worth waiting for (see {@link
   * TaskInputs}). Returns how many it processed.
   */
  int process(long nowMillis, FetchLag lag) {
    int processed = 0;
    for (ConsumerRecord<byte[], byte[]> record = inputs.next(nowMillis, lag);
        record != null;
        record = inputs.next(nowMillis, lag)) {
      feed(planTopics.getOrDefault(record.topic(), record.topic()), record);
      processed++;
    }
    counters.processed(processed);
    return processed;
  }

  private void feed(String planTopic, ConsumerRecord<byte[], byte[]> record) {
    pipeline.process(
        new InputRecord(
            planTopic,
            record.partition(),
            record.offset(),
            record.key(),
            record.value(),
            record.timestamp(),
            headers(record.headers())));
  }

  /**
   * Forwards what record caches hold, sends the stores' buffered writes and hands over the offsets
   * to commit with them.
   */
  Map<TopicPartition, OffsetAndMetadata> prepareCommit() {
    pipeline.flush();
    stores.sendChangelogs(producer::sendChangelog);
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    inputs
        .committable()
        .forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
    return offsets;
  }

  /** Closes after the last commit: the stores keep their contents and a checkpoint. */
  void closeClean() {
    pipeline.close();
    stores.closeClean(producer);
  }

  /** Closes after a failure: the stores will be rebuilt from their changelogs. */
  void closeDirty() {
    try {
      pipeline.close();
    } finally {
      stores.closeDirty();
    }
  }

  /** The store {@code name}, or null when this task's sub-topology has none. */
  KeyValueStore storeIfPresent(String name) {
    return stores.storeIfPresent(name);
  }

  @Override
  public KeyValueStore store(String name) {
    return stores.store(name);
  }

  @Override
  public StepCounters stepCounters() {
    return counters.steps();
  }

  @Override
  public RecordCacheBudget recordCache() {
    return recordCache;
  }

  @Override
  public int partition() {
    return id.partition();
  }

  @Override
  public void send(OutputRecord record) {
    producer.send(record);
    if (!planTopics.containsValue(record.topic())) {
      counters.output(); // a sink record, not one on its way through a repartition topic
    }
  }

  @Override
  public void report(ProcessingError error) {
    counters.error();
    producer.report(error);
  }

  private static List<InputRecord.Header> headers(Headers headers) {
    Header[] all = headers.toArray();
    if (all.length == 0) {
      return List.of();
    }
    List<InputRecord.Header> copied = new ArrayList<>(all.length);
    for (Header header : all) {
      copied.add(new InputRecord.Header(header.key(), header.value()));
    }
    return copied;
  }
}
