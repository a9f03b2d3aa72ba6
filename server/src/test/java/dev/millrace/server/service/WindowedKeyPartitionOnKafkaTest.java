package dev.millrace.server.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A windowed aggregation's output on four partitions, on the embedded broker: every window of a key
 * must land in the partition Kafka's default partitioner gives the key itself (its bytes without
 * the window), as Kafka Streams partitions windowed keys, so that a consumer or a join reading the
 * topic beside one keyed by the plain key finds each key in one partition.
 */
class WindowedKeyPartitionOnKafkaTest {
  private static final int PARTITIONS = 4;
  private static final List<String> USERS =
      List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi");
  private static final int WINDOWS = 3;

  @RegisterExtension
  static final KafkaEngineExtension kafka = KafkaEngineExtension.forService("windowed_keys");

  @Test
  void everyWindowOfAKeyIsWrittenToThePartitionOfTheKey() throws Exception {
    run(
        "CREATE STREAM clicks (user STRING KEY, page STRING) "
            + "WITH (KAFKA_TOPIC='wk_clicks', VALUE_FORMAT='JSON', PARTITIONS="
            + PARTITIONS
            + ");");
    run(
        "CREATE TABLE clicks_per_minute WITH (KAFKA_TOPIC='wk_clicks_per_minute') AS "
            + "SELECT user, COUNT(*) AS clicks FROM clicks "
            + "WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY user;");
    for (int window = 0; window < WINDOWS; window++) {
      for (String user : USERS) {
        run(
            "INSERT INTO clicks (ROWTIME, user, page) VALUES ("
                + window * 60_000L
                + ", '"
                + user
                + "', 'home');");
      }
    }

    Map<String, Integer> expected = new TreeMap<>();
    for (String user : USERS) {
      for (int window = 0; window < WINDOWS; window++) {
        expected.put(user + "@" + window * 60_000L, partitionOf(user.getBytes(UTF_8)));
      }
    }
    assertEquals(expected, awaitPartitions("wk_clicks_per_minute", expected.size()));
  }

  /** The partition Kafka's default partitioner gives these key bytes. */
  private static int partitionOf(byte[] key) {
    return Utils.toPositive(Utils.murmur2(key)) % PARTITIONS;
  }

  /** Each output record's key as user@window start, with the partition it was written to. */
  private static Map<String, Integer> awaitPartitions(String topic, int count) throws Exception {
    return Await.until(() -> partitions(topic), found -> found.size() >= count);
  }

  private static Map<String, Integer> partitions(String topic) {
    Map<String, Integer> found = new TreeMap<>();
    if (!kafka.backend().topicExists(topic)) {
      return found;
    }
    for (QueryBackend.TopicRecord record : kafka.backend().readTopic(topic)) {
      byte[] key = record.key();
      String user = new String(Arrays.copyOf(key, key.length - Long.BYTES), UTF_8);
      long start = ByteBuffer.wrap(key, key.length - Long.BYTES, Long.BYTES).getLong();
      found.put(user + "@" + start, record.partition());
    }
    return found;
  }

  private static void run(String sql) {
    kafka.run(sql, KafkaEngineExtension.EARLIEST);
  }
}
