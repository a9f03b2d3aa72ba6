package dev.millrace.engine.runtime;

import dev.millrace.engine.operator.OutputRecord;
import dev.millrace.engine.operator.ProcessingError;
import dev.millrace.engine.state.ChangelogPartition;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * Everything one query writes goes through here: sink and repartition records, state changelog
 * records and processing-log entries. A commit makes them safe before the input offsets are
 * committed — in one transaction under exactly-once, by flushing first under at-least-once — so a
 * crash never loses output the input offsets claim was produced.
 */
final class QueryProducer implements AutoCloseable {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final Producer<byte[], byte[]> producer;
  private final boolean transactional;
  private final String queryId;
  private final Map<String, String> kafkaTopics;
  private final String processingLogTopic;
  private final Map<ChangelogPartition, Long> changelogPositions = new ConcurrentHashMap<>();
  private final Map<String, Integer> partitionCounts = new ConcurrentHashMap<>();
  private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
  private final Callback failureCallback =
      (metadata, e) -> {
        if (e != null) {
          sendFailure.compareAndSet(null, e);
        }
      };
  private boolean inTransaction;

  /**
   * @param kafkaTopics the Kafka topic for each topic name the plan uses that differs from it
   *     (internal repartition topics)
   */
  QueryProducer(
      Producer<byte[], byte[]> producer,
      boolean transactional,
      String queryId,
      Map<String, String> kafkaTopics,
      String processingLogTopic) {
    this.producer = producer;
    this.transactional = transactional;
    this.queryId = queryId;
    this.kafkaTopics = Map.copyOf(kafkaTopics);
    this.processingLogTopic = processingLogTopic;
    if (transactional) {
      try {
        // Also aborts whatever transaction a previous incarnation with this transactional id left
        // open.
        producer.initTransactions();
      } catch (RuntimeException e) {
        producer.close(Duration.ZERO);
        throw e;
      }
    }
  }

  /** The Kafka topic behind a topic name the plan uses. */
  String kafkaTopic(String planTopic) {
    return kafkaTopics.getOrDefault(planTopic, planTopic);
  }

  void send(OutputRecord record) {
    beginIfNeeded();
    Long timestamp = record.timestamp() >= 0 ? record.timestamp() : null;
    String topic = kafkaTopic(record.topic());
    Integer partition = record.partition() >= 0 ? record.partition() : null;
    if (record.partitionedByKeyPrefix()) {
      partition = partitionOfKeyPrefix(topic, record);
    }
    producer.send(
        new ProducerRecord<>(topic, partition, timestamp, record.key(), record.value()),
        failureCallback);
  }

  /** The partition Kafka's default partitioner gives a key of the record's key prefix alone. */
  private int partitionOfKeyPrefix(String topic, OutputRecord record) {
    byte[] prefix = Arrays.copyOf(record.key(), record.partitionKeyLength());
    int partitions = partitionCounts.computeIfAbsent(topic, t -> producer.partitionsFor(t).size());
    return Utils.toPositive(Utils.murmur2(prefix)) % partitions;
  }

  void sendChangelog(ChangelogPartition changelog, byte[] key, byte[] value) {
    beginIfNeeded();
    producer.send(
        new ProducerRecord<>(changelog.topic(), changelog.partition(), key, value),
        (metadata, e) -> {
          if (e != null) {
            sendFailure.compareAndSet(null, e);
          } else {
            changelogPositions.merge(changelog, metadata.offset() + 1, Math::max);
          }
        });
  }

  void report(ProcessingError error) {
    beginIfNeeded();
    ProcessingLogEntry entry = ProcessingLogEntry.of(queryId, kafkaTopic(error.topic()), error);
    producer.send(new ProducerRecord<>(processingLogTopic, null, entry.toJson()), failureCallback);
  }

  /**
   * The offset after the last changelog record written to {@code changelog} and committed, or
   * {@code fallback} when nothing was written since start.
   */
  long changelogPosition(ChangelogPartition changelog, long fallback) {
    return changelogPositions.getOrDefault(changelog, fallback);
  }

  /**
   * Makes everything sent so far safe, then commits {@code offsets} for {@code consumer}'s group.
   */
  void commit(Map<TopicPartition, OffsetAndMetadata> offsets, Consumer<byte[], byte[]> consumer) {
    // A failed send leaves the transaction unable to commit; say why rather than that it cannot.
    throwIfSendFailed();
    if (transactional) {
      if (!inTransaction && offsets.isEmpty()) {
        return;
      }
      beginIfNeeded();
      producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
      producer.commitTransaction();
      inTransaction = false;
    } else {
      producer.flush();
      throwIfSendFailed();
      if (!offsets.isEmpty()) {
        consumer.commitSync(offsets);
      }
    }
    throwIfSendFailed();
  }

  /**
   * Drops the open transaction, if any (exactly-once only; at-least-once output is already out).
   */
  void abort() {
    if (transactional && inTransaction) {
      inTransaction = false;
      try {
        producer.abortTransaction();
      } catch (KafkaException e) {
        // A fenced or failed producer cannot abort; the broker aborts the transaction on timeout.
      }
    }
  }

  private void beginIfNeeded() {
    if (transactional && !inTransaction) {
      producer.beginTransaction();
      inTransaction = true;
    }
  }

  private void throwIfSendFailed() {
    Exception failure = sendFailure.get();
    if (failure != null) {
      throw new KafkaException("cannot write the query's output: " + failure.getMessage(), failure);
    }
  }

  @Override
  public void close() {
    producer.close(CLOSE_TIMEOUT);
  }

  /**
   * Closes as a killed process would: what was sent reaches the broker, but an open transaction is
   * neither committed nor aborted (a graceful close would abort it). For tests of crash recovery.
   */
  void closeAbruptly() {
    producer.flush();
    producer.close(Duration.ZERO);
  }
}
