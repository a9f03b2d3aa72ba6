package dev.millrace.bench.data;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The benchmark's input topics; every topic of a run, input or output, has the same partitions. */
public final class Topics {
  public static final String PAGEVIEWS = "pageviews";
  public static final String USERS = "users";

  /** The page views in AVRO, for the AVRO job: copied from {@link #PAGEVIEWS} by Millrace. */
  public static final String PAGEVIEWS_AVRO = "pageviews_avro";

  public static final int PARTITIONS = 4;

  private Topics() {}

  /**
   * A consumer reading {@code topic} from its beginning, committed records only (an exactly-once
   * engine's output counts once its transaction commits), assigned rather than in a group.
   */
  static KafkaConsumer<byte[], byte[]> readFromStart(String bootstrapServers, String topic) {
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                10_000,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions = partitions(topic);
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  static List<TopicPartition> partitions(String topic) {
    return IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(topic, p)).toList();
  }
}
