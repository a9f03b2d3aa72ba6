package dev.millrace.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.millrace.server.service.KafkaClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with {@code kill -9} while a persistent aggregation runs comes back on the same
 * data directory and finishes the job exactly: every input counted, none counted twice, as the
 * committed output topic shows.
 */
class KillRecoveryE2eTest {

  private static final int KEYS = 10;
  private static final int RECORDS_PER_PHASE = 10_000;
  private static final long WAIT_SECONDS = 90;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path workDir;

  @Test
  void countsAreExactAfterTheServerIsKilledMidStream() throws Exception {
    Path dataDir = workDir.resolve("data");
    Map<String, Long> expected = new TreeMap<>();
    ServerProcess server = ServerProcess.start(dataDir, Map.of());
    try {
      RestClient client = new RestClient(server.uri());
      client
          .ksql(
              "CREATE STREAM clicks (user_id STRING KEY, n INT) "
                  + "WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON', PARTITIONS=2);"
                  + "CREATE TABLE click_counts WITH (KAFKA_TOPIC='click_counts') AS "
                  + "SELECT user_id, COUNT(*) AS clicks FROM clicks GROUP BY user_id EMIT CHANGES;",
              Map.of("auto.offset.reset", "earliest"))
          .ok();
      produce(server.bootstrapServers(), 0, expected);
      try (OutputReader output = new OutputReader(server.bootstrapServers())) {
        output.awaitAnyCount();
        server.kill();
        System.out.println(
            "[test] killed the server once it had committed the counts " + output.latest);
      }

      server = ServerProcess.start(dataDir, Map.of());
      produce(server.bootstrapServers(), RECORDS_PER_PHASE, expected);
      try (OutputReader output = new OutputReader(server.bootstrapServers())) {
        output.awaitCounts(expected);
      }
    } finally {
      server.close();
    }
  }

  /**
   * Sends {@link #RECORDS_PER_PHASE} clicks spread over {@link #KEYS} users, adding them to {@code
   * expected}.
   */
  private static void produce(String bootstrapServers, int first, Map<String, Long> expected) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            5);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (int i = first; i < first + RECORDS_PER_PHASE; i++) {
        String user = "user-" + (i % KEYS);
        producer.send(new ProducerRecord<>("clicks", user, "{\"N\":" + i + "}"));
        expected.merge(user, 1L, Long::sum);
      }
      producer.flush();
    }
  }

  /**
   * Reads the committed records of the output topic from its start, checking each count on the way.
   */
  private static final class OutputReader implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final Map<String, Long> latest = new TreeMap<>();
    private final Map<String, List<Long>> history = new HashMap<>();

    OutputReader(String bootstrapServers) {
      consumer =
          KafkaClients.fromBeginning(
              bootstrapServers,
              "click_counts",
              true,
              new StringDeserializer(),
              new StringDeserializer());
      assertEquals(2, consumer.assignment().size(), "partitions of the output topic");
    }

    void awaitAnyCount() throws Exception {
      long deadline = deadline();
      while (latest.isEmpty()) {
        assertTrue(System.nanoTime() < deadline, "no output within " + WAIT_SECONDS + " s");
        pollOnce();
      }
    }

    void awaitCounts(Map<String, Long> expected) throws Exception {
      long deadline = deadline();
      while (!latest.equals(expected)) {
        if (System.nanoTime() >= deadline) {
          assertEquals(expected, latest, "final counts within " + WAIT_SECONDS + " s");
        }
        pollOnce();
        for (Map.Entry<String, Long> count : latest.entrySet()) {
          long total = expected.getOrDefault(count.getKey(), 0L);
          assertTrue(
              count.getValue() <= total,
              () ->
                  count.getKey()
                      + " counted "
                      + count.getValue()
                      + " clicks of "
                      + total
                      + ": some were counted twice");
        }
      }
    }

    /**
     * Each key's committed counts only ever grow: a repeated or smaller count means a record
     * counted twice.
     */
    private void pollOnce() throws Exception {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
        assertTrue(
            record.value() != null,
            () -> "a count table never deletes, but " + record.key() + " was");
        long count = JSON.readTree(record.value()).get("CLICKS").asLong();
        List<Long> counts = history.computeIfAbsent(record.key(), key -> new ArrayList<>());
        if (!counts.isEmpty()) {
          long previous = counts.get(counts.size() - 1);
          assertTrue(
              count > previous,
              () ->
                  record.key()
                      + " went from "
                      + previous
                      + " to "
                      + count
                      + " at offset "
                      + record.offset()
                      + " of partition "
                      + record.partition());
        }
        counts.add(count);
        latest.put(record.key(), count);
      }
    }

    private static long deadline() {
      return System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    }

    @Override
    public void close() {
      consumer.close(Duration.ofSeconds(5));
    }
  }
}
