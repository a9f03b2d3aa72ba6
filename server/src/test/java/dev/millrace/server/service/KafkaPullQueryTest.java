package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.server.kafka.KafkaBackend;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pull queries on a CTAS count over the embedded broker: answered from the query's RocksDB stores
 * (through {@link KafkaBackend#materialisedRows}), by key and by scan, over two partitions.
 */
class KafkaPullQueryTest {
  private static RecordingBackend backend;

  @RegisterExtension
  static final KafkaEngineExtension kafka =
      KafkaEngineExtension.forService("pull_test")
          .withBackend(kafkaBackend -> backend = new RecordingBackend(kafkaBackend));

  @BeforeAll
  static void createTheTable() {
    run(
        "CREATE STREAM clicks (user_id STRING KEY, page STRING) "
            + "WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON', PARTITIONS=2);");
    run(
        "CREATE TABLE clicks_per_user AS SELECT user_id, COUNT(*) AS clicks FROM clicks GROUP BY user_id EMIT CHANGES;");
    for (String user : List.of("alice", "bob", "alice", "carol", "alice", "bob")) {
      run("INSERT INTO clicks (user_id, page) VALUES ('" + user + "', 'home');");
    }
  }

  @Test
  void answersKeyLookupsAndScansFromTheQueryState() throws Exception {
    Set<List<Object>> expected =
        Set.of(List.of("alice", 3L), List.of("bob", 2L), List.of("carol", 1L));
    assertEquals(
        expected,
        Await.until(() -> Set.copyOf(pull("SELECT * FROM clicks_per_user;")), expected::equals),
        "the table never held every count");
    assertEquals(
        List.of(List.of("alice", 3L)),
        pull("SELECT * FROM clicks_per_user WHERE user_id = 'alice';"));
    assertEquals(
        List.of(List.of("bob", 2L)),
        pull("SELECT user_id, clicks FROM clicks_per_user WHERE user_id = 'bob';"));
    assertEquals(List.of(), pull("SELECT * FROM clicks_per_user WHERE user_id = 'nobody';"));

    backend.reads.clear();
    pull("SELECT * FROM clicks_per_user WHERE user_id = 'carol';");
    String queryId = kafka.engine().queries().keySet().iterator().next();
    assertEquals(List.of("state " + queryId + " keys [[carol]]"), backend.reads);
  }

  @Test
  void aPullQueryOnAStreamScansItsTopic() {
    assertEquals(
        List.of(List.of("bob", "home"), List.of("bob", "home")),
        pull("SELECT * FROM clicks WHERE user_id = 'bob';"));
    assertEquals(3, pull("SELECT page FROM clicks WHERE user_id = 'alice';").size());
  }

  @Test
  void printShowsTheTopicFromTheBeginningUpToItsLimit() throws InterruptedException {
    List<String> lines = PrintLines.await(kafka.engine(), "PRINT clicks FROM BEGINNING LIMIT 6;");
    assertEquals("Key format: KAFKA_STRING", lines.get(0));
    assertEquals("Value format: JSON or KAFKA_STRING", lines.get(1));
    assertEquals(8, lines.size());
    assertTrue(
        lines
            .get(2)
            .matches("rowtime: .* Z, key: \\w+, value: \\{\"PAGE\":\"home\"}, partition: [01]"),
        lines.get(2));
  }

  private static List<List<Object>> pull(String sql) {
    return PullResult.run(kafka.engine(), sql).rows;
  }

  private static void run(String sql) {
    kafka.run(sql);
  }
}
