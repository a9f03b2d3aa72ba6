package dev.millrace.server.service;

import dev.millrace.engine.runtime.TopicPartitions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Clients of a test broker as another application has them: a producer of raw bytes, and consumers
 * that read a topic from its beginning.
 */
public final class KafkaClients {
  private KafkaClients() {}

  /** A producer of raw bytes, its records acknowledged by every replica. */
  public static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * A consumer in no group, assigned every partition of an existing topic at its beginning; with
   * {@code readCommitted} it sees only records of committed transactions, as a downstream
   * application does.
   */
  public static <K, V> KafkaConsumer<K, V> fromBeginning(
      String bootstrapServers,
      String topic,
      boolean readCommitted,
      Deserializer<K> keys,
      Deserializer<V> values) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    if (readCommitted) {
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }
    KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, keys, values);
    try {
      TopicPartitions.assignFromBeginning(consumer, topic);
      return consumer;
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
  }

  /** Every record of an existing topic, from its beginning up to its end now (as raw bytes). */
  public static List<ConsumerRecord<byte[], byte[]>> readAll(
      String bootstrapServers, String topic, boolean readCommitted) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        fromBeginning(
            bootstrapServers,
            topic,
            readCommitted,
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
      while (ends.keySet().stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
