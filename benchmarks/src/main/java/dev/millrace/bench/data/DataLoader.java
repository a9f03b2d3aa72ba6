package dev.millrace.bench.data;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes the generated users and page views to their topics, users first: every engine then finds
 * the same bytes in the same partitions (Kafka's default partitioner hashes the user id).
 */
public final class DataLoader {
  private final String bootstrapServers;

  public DataLoader(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  public DataSet load(DataGenerator generator, long pageviews)
      throws ExecutionException, InterruptedException {
    createTopics(List.of(Topics.USERS, Topics.PAGEVIEWS));
    long[] users = {0};
    long[] views = {0, 0, 0};
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      generator.users(
          user -> {
            send(producer, Topics.USERS, user.registertime(), user.key(), user.json());
            users[0]++;
          });
      producer.flush();
      generator.pageviews(
          pageviews,
          view -> {
            byte[] value = view.json();
            send(producer, Topics.PAGEVIEWS, view.viewtime(), view.key(), value);
            views[0]++;
            views[1] += value.length;
            views[2] += view.durationMs() >= DataGenerator.MIN_DURATION_MS ? 1 : 0;
          });
    }
    return new DataSet(views[0], views[1], views[2], users[0]);
  }

  /** Creates topics with the run's partition count. */
  public void createTopics(List<String> names) throws ExecutionException, InterruptedException {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin
          .createTopics(
              names.stream().map(name -> new NewTopic(name, Topics.PARTITIONS, (short) 1)).toList())
          .all()
          .get();
    }
  }

  private static void send(
      KafkaProducer<byte[], byte[]> producer, String topic, long time, byte[] key, byte[] value) {
    producer.send(new ProducerRecord<>(topic, null, time, key, value));
  }

  private KafkaProducer<byte[], byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.LINGER_MS_CONFIG,
            20,
            ProducerConfig.BATCH_SIZE_CONFIG,
            256 * 1024),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }
}
