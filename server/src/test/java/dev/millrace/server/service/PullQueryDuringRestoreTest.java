package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pull queries on a CTAS over four partitions while a restarted server restores the table's state
 * from its changelog, the local state folder having been deleted: every answer is either the whole
 * table (or the whole key) or a retryable "not ready" error, never part of the table.
 */
class PullQueryDuringRestoreTest {
  private static final int USERS = 20_000;
  private static final int CLICKS_PER_USER = 2;
  private static final String SERVICE_ID = "restore_test";
  private static final String SCAN = "SELECT * FROM clicks_per_user;";
  private static final Pattern NOT_READY =
      Pattern.compile(
          "Table CLICKS_PER_USER cannot be read on this server yet: "
              + "(its state is being restored on this server: [0-3] of 4 partitions ready, partition [0-3] at \\d+ of \\d+"
              + " changelog records|[0-3] of 4 partitions of its state are ready on this server; the others are still"
              + " being restored here or are owned by another server)\\. Retry the pull query shortly\\.");

  @RegisterExtension static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

  @BeforeAll
  static void startAndFillTheTable() throws Exception {
    try (EngineOnKafka server = startServer(Duration.ZERO)) {
      server.run(
          "CREATE STREAM clicks (user_id STRING KEY, page STRING) "
              + "WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON', PARTITIONS=4);");
      server.run(
          "CREATE TABLE clicks_per_user AS SELECT user_id, COUNT(*) AS clicks FROM clicks "
              + "GROUP BY user_id EMIT CHANGES;");
      produceClicks();
      Await.condition(
          () -> isWholeTable(server.tryPull(SCAN)), "the query never counted every click");
    }
  }

  @Test
  void answersTheWholeTableOrARetryableErrorWhileStateRestores() throws Exception {
    KafkaBrokerExtension.deleteRecursively(kafka.dataDir().resolve("0"));
    int notReady = 0;
    int answered = 0;
    try (EngineOnKafka server = startServer(Duration.ZERO)) {
      long deadline = System.currentTimeMillis() + Await.PATIENCE.toMillis();
      for (int user = 0; ; user = (user + 997) % USERS) {
        if (System.currentTimeMillis() > deadline) {
          fail("the table's state was never restored");
        }
        PullResult lookup =
            server.tryPull("SELECT * FROM clicks_per_user WHERE user_id = 'user-" + user + "';");
        if (lookup.error == null) {
          assertEquals(
              List.of(List.of("user-" + user, (long) CLICKS_PER_USER)),
              lookup.rows,
              "a key lookup");
          answered++;
        } else {
          assertNotReady(lookup.error);
          notReady++;
        }
        PullResult scan = server.tryPull(SCAN);
        if (scan.error == null) {
          assertTrue(
              isWholeTable(scan),
              () -> "a scan answered " + scan.rows.size() + " of " + USERS + " rows");
          break;
        }
        assertNotReady(scan.error);
        notReady++;
      }
    }
    System.out.println(
        "[test] while restoring: "
            + notReady
            + " not-ready answers, "
            + answered
            + " key lookups answered");
  }

  @Test
  void waitsForTheRestoreWithinItsBound() throws Exception {
    KafkaBrokerExtension.deleteRecursively(kafka.dataDir().resolve("0"));
    try (EngineOnKafka server = startServer(Duration.ofSeconds(60))) {
      PullResult scan = server.tryPull(SCAN);
      assertEquals(null, scan.error);
      assertTrue(
          isWholeTable(scan),
          () -> "the scan answered " + scan.rows.size() + " of " + USERS + " rows");
    }
  }

  private static void assertNotReady(EngineException error) {
    assertEquals(ErrorCode.SERVER_NOT_READY, error.errorCode(), error.getMessage());
    assertEquals(503, error.errorCode().httpStatus());
    assertTrue(NOT_READY.matcher(error.getMessage()).matches(), error.getMessage());
  }

  private static boolean isWholeTable(PullResult result) {
    return result.error == null
        && result.rows.size() == USERS
        && result.rows.stream().allMatch(row -> row.get(1).equals((long) CLICKS_PER_USER));
  }

  private static void produceClicks() {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG,
            20);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int click = 0; click < CLICKS_PER_USER; click++) {
        for (int user = 0; user < USERS; user++) {
          producer.send(
              new ProducerRecord<>(
                  "clicks",
                  ("user-" + user).getBytes(StandardCharsets.UTF_8),
                  "{\"PAGE\":\"home\"}".getBytes(StandardCharsets.UTF_8)));
        }
      }
      producer.flush();
    }
  }

  private static EngineOnKafka startServer(Duration restoreWait) {
    return kafka.server(SERVICE_ID, "0", restoreWait);
  }
}
