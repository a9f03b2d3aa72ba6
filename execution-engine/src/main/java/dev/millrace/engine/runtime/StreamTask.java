package dev.millrace.engine.runtime;

import dev.millrace.engine.operator.InputRecord;
import dev.millrace.engine.operator.OutputRecord;
import dev.millrace.engine.operator.Pipeline;
import dev.millrace.engine.operator.ProcessingError;
import dev.millrace.engine.operator.TaskEnvironment;
import dev.millrace.engine.state.KeyValueStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One sub-topology running over one input partition: its pipeline of operators, its restored
 * stores, and the offsets it has consumed but not yet committed.
 */
final class StreamTask implements TaskEnvironment {
  private final TaskId id;
  private final Pipeline pipeline;
  private final TaskStores stores;
  private final QueryProducer producer;
  private final Map<String, String> planTopics;
  private final QueryCounters counters;
  private final Map<TopicPartition, Long> consumed = new HashMap<>();

  /**
   * @param planTopics the topic name the plan uses for each Kafka topic the task reads, where
   *     they differ (internal repartition topics)
   */
  StreamTask(TaskId id, Pipeline pipeline, TaskStores stores, QueryProducer producer, Map<String, String> planTopics,
      QueryCounters counters) {
    this.id = id;
    this.pipeline = pipeline;
    this.stores = stores;
    this.producer = producer;
    this.planTopics = planTopics;
    this.counters = counters;
    pipeline.init(this);
  }

  TaskId id() {
    return id;
  }

  /**
   * Runs one poll's records of this task's {@code partitions} through the pipeline: each partition
   * in offset order, and across co-partitioned inputs the record with the smallest timestamp first,
   * so that a table row is in place before stream rows that come after it in time.
   */
  void process(List<TopicPartition> partitions, ConsumerRecords<byte[], byte[]> records) {
    if (partitions.size() == 1) {
      TopicPartition partition = partitions.get(0);
      List<ConsumerRecord<byte[], byte[]>> batch = records.records(partition);
      String planTopic = planTopic(partition);
      for (ConsumerRecord<byte[], byte[]> record : batch) {
        feed(planTopic, record);
      }
      consumed.put(partition, batch.get(batch.size() - 1).offset() + 1);
      counters.processed(batch.size());
      return;
    }
    List<Iterator<ConsumerRecord<byte[], byte[]>>> cursors = new ArrayList<>();
    List<ConsumerRecord<byte[], byte[]>> heads = new ArrayList<>();
    for (TopicPartition partition : partitions) {
      Iterator<ConsumerRecord<byte[], byte[]>> cursor = records.records(partition).iterator();
      cursors.add(cursor);
      heads.add(cursor.next());
      counters.processed(records.records(partition).size());
    }
    while (true) {
      int earliest = -1;
      for (int i = 0; i < heads.size(); i++) {
        ConsumerRecord<byte[], byte[]> head = heads.get(i);
        if (head != null && (earliest < 0 || head.timestamp() < heads.get(earliest).timestamp())) {
          earliest = i;
        }
      }
      if (earliest < 0) {
        return;
      }
      TopicPartition partition = partitions.get(earliest);
      ConsumerRecord<byte[], byte[]> record = heads.get(earliest);
      feed(planTopic(partition), record);
      consumed.put(partition, record.offset() + 1);
      Iterator<ConsumerRecord<byte[], byte[]>> cursor = cursors.get(earliest);
      heads.set(earliest, cursor.hasNext() ? cursor.next() : null);
    }
  }

  private String planTopic(TopicPartition partition) {
    return planTopics.getOrDefault(partition.topic(), partition.topic());
  }

  private void feed(String planTopic, ConsumerRecord<byte[], byte[]> record) {
    pipeline.process(new InputRecord(planTopic, record.partition(), record.offset(), record.key(), record.value(),
        record.timestamp(), headers(record.headers())));
  }

  /** Sends the stores' buffered writes and hands over the offsets to commit with them. */
  Map<TopicPartition, OffsetAndMetadata> prepareCommit() {
    stores.sendChangelogs(producer::sendChangelog);
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    consumed.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
    consumed.clear();
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
  public void send(OutputRecord record) {
    producer.send(record);
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
