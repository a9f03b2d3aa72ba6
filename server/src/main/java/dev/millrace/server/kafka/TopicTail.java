package dev.millrace.server.kafka;

import dev.millrace.engine.operator.InputRecord;
import dev.millrace.engine.runtime.TopicPartitions;
import dev.millrace.server.service.QueryBackend.RunningTransientQuery;
import dev.millrace.server.service.QueryBackend.TopicRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows a topic for PRINT, without a consumer group: from its beginning or from its end, each
 * poll's records handed on from a thread of its own, until closed.
 */
final class TopicTail implements RunningTransientQuery {
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread thread;
  private volatile boolean closed;

  TopicTail(
      String bootstrapServers,
      Map<String, Object> clientProperties,
      String topic,
      boolean fromBeginning,
      Consumer<List<TopicRecord>> batches) {
    Properties properties = new Properties();
    properties.putAll(clientProperties);
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer =
        new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = TopicPartitions.of(consumer, topic);
    consumer.assign(partitions);
    if (fromBeginning) {
      consumer.seekToBeginning(partitions);
    } else {
      consumer.seekToEnd(partitions);
      // Fix the start now: records written after PRINT starts are the ones it shows.
      partitions.forEach(consumer::position);
    }
    thread = new Thread(() -> follow(batches), "print-" + topic);
    thread.setDaemon(true);
    thread.start();
  }

  private void follow(Consumer<List<TopicRecord>> batches) {
    try {
      while (!closed) {
        List<TopicRecord> batch = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          List<InputRecord.Header> headers = new ArrayList<>();
          record.headers().forEach(h -> headers.add(new InputRecord.Header(h.key(), h.value())));
          batch.add(
              new TopicRecord(
                  record.partition(),
                  record.offset(),
                  record.key(),
                  record.value(),
                  record.timestamp(),
                  headers));
        }
        if (!batch.isEmpty() && !closed) {
          batches.accept(batch);
        }
      }
    } catch (WakeupException stopping) {
      // close() woke the poll up.
    } finally {
      consumer.close();
    }
  }

  @Override
  public void close() {
    closed = true;
    consumer.wakeup();
  }
}
