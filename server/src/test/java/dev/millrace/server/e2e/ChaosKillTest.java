package dev.millrace.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.millrace.server.config.ServerConfig;
import dev.millrace.server.kafka.BrokerSettings;
import dev.millrace.server.kafka.EmbeddedKafkaBroker;
import dev.millrace.server.service.KafkaClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A soak test of exactly-once processing, run only on request ({@code -Dmillrace.chaos=true}; it
 * takes minutes): while a producer feeds a steady load into a stream, the server running a
 * projection (CSAS) and a count per key (CTAS) on it is killed as {@code kill -9} would, at seeded
 * random moments, and restarted on the same data directory each time. The broker lives in this JVM
 * and outlives every kill. At the end the committed output must hold every input exactly once: the
 * projection each input id once, the table each key's count of inputs.
 *
 * <p>{@code millrace.chaos.records}, {@code .keys}, {@code .kills} and {@code .seed} change the
 * load; the defaults run in one to two minutes.
 */
@EnabledIfSystemProperty(named = "millrace.chaos", matches = "true")
class ChaosKillTest {

  private static final int RECORDS = Integer.getInteger("millrace.chaos.records", 20_000);
  private static final int KEYS = Integer.getInteger("millrace.chaos.keys", 50);
  private static final int KILLS = Integer.getInteger("millrace.chaos.kills", 5);
  private static final long SEED = Long.getLong("millrace.chaos.seed", 12L);

  /**
   * Records the producer sends per {@link #BATCH_PAUSE_MILLIS}: about 400 a second, a steady
   * trickle.
   */
  private static final int BATCH = 40;

  private static final long BATCH_PAUSE_MILLIS = 100;

  /** A kill comes this long, or up to twice as long, after the server is ready. */
  private static final long MIN_LIFE_MILLIS = 2_000;

  private static final long CATCH_UP_SECONDS = 180;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path workDir;

  @Test
  void everyInputIsInTheCommittedOutputExactlyOnceDespiteKills() throws Exception {
    long started = System.nanoTime();
    Random chaos = new Random(SEED);
    Map<String, Long> expectedCounts = expectedCounts();
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(BrokerSettings.of(workDir.resolve("broker")).withPort(0))) {
      Path dataDir = workDir.resolve("server");
      Map<String, String> onBroker =
          Map.of(ServerConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
      ServerProcess server = ServerProcess.start(dataDir, onBroker);
      int kills = 0;
      try {
        new RestClient(server.uri())
            .ksql(
                "CREATE STREAM events (k STRING KEY, id BIGINT) "
                    + "WITH (KAFKA_TOPIC='events', VALUE_FORMAT='JSON', PARTITIONS=2);"
                    + "CREATE STREAM events_copy WITH (KAFKA_TOPIC='events_copy') AS SELECT k, id FROM events EMIT CHANGES;"
                    + "CREATE TABLE event_counts WITH (KAFKA_TOPIC='event_counts') AS "
                    + "SELECT k, COUNT(*) AS n FROM events GROUP BY k EMIT CHANGES;",
                Map.of("auto.offset.reset", "earliest"))
            .ok();

        AtomicInteger sent = new AtomicInteger();
        AtomicReference<Throwable> producerFailure = new AtomicReference<>();
        Thread producer =
            new Thread(
                () -> produce(broker.bootstrapServers(), sent, producerFailure), "chaos-producer");
        producer.start();
        for (; kills < KILLS; kills++) {
          Thread.sleep(MIN_LIFE_MILLIS + chaos.nextLong(MIN_LIFE_MILLIS));
          server.kill();
          System.out.println(
              "[chaos] kill "
                  + (kills + 1)
                  + " of "
                  + KILLS
                  + " with "
                  + sent.get()
                  + " of "
                  + RECORDS
                  + " records sent");
          server = ServerProcess.start(dataDir, onBroker);
        }
        producer.join(TimeUnit.SECONDS.toMillis(CATCH_UP_SECONDS));
        assertTrue(
            !producer.isAlive(), "the producer did not finish within " + CATCH_UP_SECONDS + " s");
        assertEquals(null, producerFailure.get(), "the producer failed");

        try (CommittedReader copy = new CommittedReader(broker.bootstrapServers(), "events_copy");
            CommittedReader counts =
                new CommittedReader(broker.bootstrapServers(), "event_counts")) {
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CATCH_UP_SECONDS);
          while ((copy.ids.size() < RECORDS || !counts.latestCounts().equals(expectedCounts))
              && System.nanoTime() < deadline) {
            copy.pollOnce();
            counts.pollOnce();
          }
          // Nothing more comes in: once the server has stopped, whatever it committed is all there
          // is.
          server.close();
          copy.drainToEnd();
          counts.drainToEnd();

          long lost = RECORDS - copy.ids.size();
          long duplicated = copy.received - copy.ids.size();
          System.out.printf(
              "[chaos] records=%d keys=%d kills=%d lost=%d duplicated=%d seconds=%d%n",
              RECORDS,
              KEYS,
              kills,
              lost,
              duplicated,
              TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
          assertEquals(0, lost, "inputs missing from the projection");
          assertEquals(0, duplicated, "inputs repeated in the projection");
          assertEquals(expectedCounts, counts.latestCounts(), "the latest count per key");
        }
      } finally {
        server.close();
      }
    }
  }

  /** The keys the producer uses, drawn from its own seeded generator, counted. */
  private static Map<String, Long> expectedCounts() {
    Map<String, Long> counts = new TreeMap<>();
    Random keys = new Random(SEED + 1);
    for (int id = 0; id < RECORDS; id++) {
      counts.merge(key(keys), 1L, Long::sum);
    }
    return counts;
  }

  private static String key(Random keys) {
    return "key-" + keys.nextInt(KEYS);
  }

  /**
   * Sends {@link #RECORDS} inputs, ids 0 up, at a steady pace; an idempotent producer sends each
   * once.
   */
  private static void produce(
      String bootstrapServers, AtomicInteger sent, AtomicReference<Throwable> failure) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.LINGER_MS_CONFIG,
            5);
    Random keys = new Random(SEED + 1);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (int id = 0; id < RECORDS; id++) {
        producer.send(
            new ProducerRecord<>("events", key(keys), "{\"ID\":" + id + "}"),
            (metadata, error) -> {
              if (error != null) {
                failure.compareAndSet(null, error);
              }
            });
        sent.incrementAndGet();
        if (id % BATCH == BATCH - 1) {
          Thread.sleep(BATCH_PAUSE_MILLIS);
        }
      }
      producer.flush();
    } catch (InterruptedException | RuntimeException e) {
      failure.compareAndSet(null, e);
    }
  }

  /**
   * Reads a topic's committed records from its start: the ids seen and the latest value per key.
   */
  private static final class CommittedReader implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final Map<Long, Integer> ids = new HashMap<>();
    private final Map<String, JsonNode> latest = new TreeMap<>();
    private long received;

    CommittedReader(String bootstrapServers, String topic) {
      consumer =
          KafkaClients.fromBeginning(
              bootstrapServers, topic, true, new StringDeserializer(), new StringDeserializer());
    }

    void pollOnce() throws Exception {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
        assertTrue(
            record.value() != null, () -> "nothing here deletes, but " + record.key() + " was");
        JsonNode value = JSON.readTree(record.value());
        received++;
        if (value.has("ID")) {
          ids.merge(value.get("ID").asLong(), 1, Integer::sum);
        }
        latest.put(record.key(), value);
      }
    }

    /** Reads up to the committed end of every partition, as it is now. */
    void drainToEnd() throws Exception {
      Map<TopicPartition, Long> ends =
          consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(30));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (ends.keySet().stream()
          .anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
        assertTrue(
            System.nanoTime() < deadline,
            "could not read " + ends.keySet() + " to " + ends + " within 60 s");
        pollOnce();
      }
    }

    Map<String, Long> latestCounts() {
      Map<String, Long> counts = new TreeMap<>();
      latest.forEach((key, value) -> counts.put(key, value.get("N").asLong()));
      return counts;
    }

    @Override
    public void close() {
      consumer.close(Duration.ofSeconds(5));
    }
  }
}
