package dev.millrace.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A number too large for its INT column is a bad record, not a wrapped value: 2147483648 would wrap
 * to -2147483648 (corrupting a SUM) and 4294967796 to 500 (passing a filter it should not). Both
 * are skipped and reported in MILLRACE_PROCESSING_LOG by every query reading them, while the good
 * records before and after them are processed.
 */
class OutOfRangeValuesE2eTest {

  @TempDir Path workDir;

  @Test
  void outOfRangeNumbersAreLoggedAndLeaveSumsAndFiltersAlone() throws Exception {
    try (ServerProcess server = ServerProcess.start(workDir.resolve("data"), Map.of())) {
      RestClient client = new RestClient(server.uri());
      Map<String, String> earliest = Map.of("auto.offset.reset", "earliest");
      client
          .ksql(
              "CREATE STREAM readings (id STRING KEY, v INT) "
                  + "WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='JSON', PARTITIONS=1);"
                  + "CREATE TABLE totals AS SELECT id, SUM(v) AS total, COUNT(*) AS n FROM readings GROUP BY id EMIT CHANGES;"
                  + "CREATE STREAM large AS SELECT id, v FROM readings WHERE v > 100 EMIT CHANGES;",
              earliest)
          .ok();

      produce(
          server.bootstrapServers(),
          "{\"V\": 5}",
          "{\"V\": 2147483648}",
          "{\"V\": 4294967796}",
          "{\"V\": 200}");

      RestClient.QueryResult totals =
          client.query("SELECT * FROM totals EMIT CHANGES LIMIT 2;", earliest);
      assertEquals(
          List.of("[\"k\",5,1]", "[\"k\",205,2]"),
          rows(totals),
          "the SUM saw only the good records");
      RestClient.QueryResult large =
          client.query("SELECT * FROM large EMIT CHANGES LIMIT 1;", earliest);
      assertEquals(List.of("[\"k\",200]"), rows(large), "the filter saw only the good records");

      RestClient.QueryResult log =
          client.query("SELECT * FROM MILLRACE_PROCESSING_LOG EMIT CHANGES LIMIT 4;", earliest);
      Set<String> entries = new TreeSet<>();
      for (JsonNode entry : log.rows()) {
        entries.add(
            entry.get(0).asText()
                + " "
                + entry.get(1).asText()
                + " "
                + entry.get(2).asText()
                + "-"
                + entry.get(3).asInt()
                + "@"
                + entry.get(4).asLong()
                + ": "
                + entry.get(5).asText());
      }
      Set<String> expected = new TreeSet<>();
      for (String queryId : queryIds(client)) {
        for (int offset : List.of(1, 2)) {
          expected.add(
              queryId
                  + " DESERIALIZATION readings-0@"
                  + offset
                  + ": Failed to deserialize column V: number out of range for INTEGER");
        }
      }
      assertEquals(expected, entries, "each query reports the records it skipped");
    }
  }

  private static Set<String> queryIds(RestClient client) throws Exception {
    Set<String> ids = new TreeSet<>();
    client
        .ksqlOk("SHOW QUERIES;")
        .get(0)
        .get("queries")
        .forEach(q -> ids.add(q.get("id").asText()));
    assertEquals(2, ids.size(), ids::toString);
    return ids;
  }

  /** Sends {@code values} with key k to the readings topic, in order (offsets 0, 1, ...). */
  private static void produce(String bootstrapServers, String... values) {
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (String value : values) {
        producer.send(new ProducerRecord<>("readings", "k", value));
      }
      producer.flush();
    }
  }

  private static List<String> rows(RestClient.QueryResult result) {
    return result.rows().stream().map(JsonNode::toString).toList();
  }
}
