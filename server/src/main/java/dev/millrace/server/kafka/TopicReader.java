package dev.millrace.server.kafka;

import dev.millrace.engine.operator.InputRecord;
import dev.millrace.engine.runtime.TopicPartitions;
import dev.millrace.server.service.QueryBackend.TopicRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads every record of a topic, up to the end offsets at the time of the call and no further,
 * without a consumer group: a consistent snapshot of what was committed when the read began.
 */
final class TopicReader {
  private static final Duration POLL = Duration.ofMillis(200);

  private TopicReader() {}

  static List<TopicRecord> readAll(
      String bootstrapServers, Map<String, Object> clientProperties, String topic) {
    Properties properties = new Properties();
    properties.putAll(clientProperties);
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // Should retention delete records under the read, carry on from the oldest left, not the end.
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = TopicPartitions.assignFromBeginning(consumer, topic);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<TopicRecord> records = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          if (record.offset() < end.get(new TopicPartition(topic, record.partition()))) {
            records.add(
                new TopicRecord(
                    record.partition(),
                    record.offset(),
                    record.key(),
                    record.value(),
                    record.timestamp(),
                    headers(record)));
          }
        }
      }
      return records;
    }
  }

  private static List<InputRecord.Header> headers(ConsumerRecord<byte[], byte[]> record) {
    List<InputRecord.Header> headers = new ArrayList<>();
    record.headers().forEach(h -> headers.add(new InputRecord.Header(h.key(), h.value())));
    return headers;
  }
}
