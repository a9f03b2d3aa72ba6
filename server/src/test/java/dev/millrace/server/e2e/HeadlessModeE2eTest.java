package dev.millrace.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.server.MillraceServer;
import dev.millrace.server.config.ServerConfig;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code ksql.queries.file} the server runs the file's statements at every start and refuses
 * statements and queries over REST with ksqlDB's error body, while reads such as {@code /info} and
 * {@code /healthcheck} still answer.
 */
class HeadlessModeE2eTest {
  private static final String QUERIES =
      """
      -- Pears only, from the first order on.
      SET 'auto.offset.reset' = 'earliest';
      CREATE STREAM orders (id INT KEY, item STRING)
        WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM pears AS SELECT id, item FROM orders WHERE item = 'pear';
      INSERT INTO orders (id, item) VALUES (1, 'pear');
      INSERT INTO orders (id, item) VALUES (2, 'fig');
      """;

  @TempDir Path workDir;

  @Test
  void runsTheFileAtEveryStartAndRefusesRestStatements() throws Exception {
    Path file = workDir.resolve("queries.sql");
    Files.writeString(file, QUERIES);
    Map<String, String> config = new TreeMap<>(E2eServers.config(workDir.resolve("data")));
    config.put("ksql.queries.file", file.toString());

    try (MillraceServer server = start(config)) {
      RestClient client = new RestClient(server.uri());
      RestClient.Answer refused = client.ksql("SHOW STREAMS;", Map.of());
      assertEquals(403, refused.status(), refused.body().toString());
      assertEquals("generic_error", refused.body().path("@type").asText());
      assertEquals(40300, refused.body().path("error_code").asInt());
      assertTrue(
          refused.body().path("message").asText().startsWith("The server is running in headless"),
          refused.body().toString());
      RestClient.Answer query = client.queryStreamError("SELECT * FROM pears EMIT CHANGES;");
      assertEquals(403, query.status(), query.body().toString());
      assertEquals(200, client.get("/info").status());
      assertEquals(200, client.get("/healthcheck").status());

      assertEquals(List.of("1 {\"ITEM\":\"pear\"}"), read(server.bootstrapServers(), "PEARS", 1));
    }

    // A restart runs the file again (without "already exists" failures): the query carries on from
    // its committed offsets, so the pear inserted again is the only new output.
    try (MillraceServer server = start(config)) {
      assertEquals(
          List.of("1 {\"ITEM\":\"pear\"}", "1 {\"ITEM\":\"pear\"}"),
          read(server.bootstrapServers(), "PEARS", 2));
    }
  }

  private static MillraceServer start(Map<String, String> config) throws Exception {
    return MillraceServer.start(
        ServerConfig.of(config), message -> System.out.println("[server] " + message));
  }

  /** The first {@code count} committed records of {@code topic}, as "key value" (INT keys). */
  private static List<String> read(String bootstrapServers, String topic, int count) {
    Map<String, Object> props =
        Map.of("bootstrap.servers", bootstrapServers, "isolation.level", "read_committed");
    try (KafkaConsumer<byte[], String> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      List<String> seen = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (seen.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], String> record : consumer.poll(Duration.ofMillis(100))) {
          seen.add(ByteBuffer.wrap(record.key()).getInt() + " " + record.value());
        }
      }
      return seen;
    }
  }
}
