package dev.millrace.bench.data;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
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
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  public DataLoader(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  public DataSet load(DataGenerator generator, long count)
      throws ExecutionException, InterruptedException {
    createTopics(List.of(Topics.USERS, Topics.PAGEVIEWS));
    Tally tally = new Tally();
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      generator.users(
          user -> {
            send(producer, Topics.USERS, user.registertime(), user.key(), user.json());
            tally.users++;
          });
      producer.flush();
      generator.pageviews(
          count,
          view -> {
            byte[] value = view.json();
            send(producer, Topics.PAGEVIEWS, view.viewtime(), view.key(), value);
            tally.add(view, value.length);
          });
    }
    if (failure.get() != null) {
      throw new IllegalStateException("writing the data failed", failure.get());
    }
    return new DataSet(tally.views, tally.bytes, tally.longViews, tally.users);
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

  private void send(
      KafkaProducer<byte[], byte[]> producer, String topic, long time, byte[] key, byte[] value) {
    producer.send(
        new ProducerRecord<>(topic, null, time, key, value),
        (metadata, error) -> {
          if (error != null) {
            failure.compareAndSet(null, error);
          }
        });
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

  /** What has been written so far. */
  private static final class Tally {
    long users;
    long views;
    long bytes;
    long longViews;

    void add(Pageview view, int valueBytes) {
      views++;
      bytes += valueBytes;
      longViews += view.durationMs() >= DataGenerator.MIN_DURATION_MS ? 1 : 0;
    }
  }
}
