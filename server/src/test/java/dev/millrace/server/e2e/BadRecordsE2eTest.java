package dev.millrace.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records a persistent query cannot read are skipped and reported in MILLRACE_PROCESSING_LOG with
 * their query, topic, partition and offset; the query goes on with the records after them, and no
 * record's data reaches the server's logs.
 */
class BadRecordsE2eTest {

  /** Text in the bad records that must not appear in any log. */
  private static final String SECRET = "s3cr3t-card-4111";

  @TempDir Path workDir;

  @Test
  void badRecordsAreSkippedReportedAndKeptOutOfTheLogs() throws Exception {
    Path dataDir = workDir.resolve("data");
    try (ServerProcess server = ServerProcess.start(dataDir, Map.of())) {
      RestClient client = new RestClient(server.uri());
      Map<String, String> earliest = Map.of("auto.offset.reset", "earliest");
      client
          .ksql(
              "CREATE STREAM payments (id STRING KEY, amount INT, card STRING) "
                  + "WITH (KAFKA_TOPIC='payments', VALUE_FORMAT='JSON', PARTITIONS=1);"
                  + "CREATE STREAM doubled AS SELECT id, amount * 2 AS twice FROM payments EMIT CHANGES;",
              earliest)
          .ok();
      String queryId = onlyQueryId(client);

      produce(
          server.bootstrapServers(),
          "{\"AMOUNT\": 1, \"CARD\": \"ok\"}",
          "{\"AMOUNT\": 2, \"CARD\": " + SECRET + "}",
          "{\"AMOUNT\": \"" + SECRET + "\", \"CARD\": \"x\"}",
          "{\"AMOUNT\": 4, \"CARD\": \"ok\"}");

      RestClient.QueryResult output =
          client.query("SELECT * FROM doubled EMIT CHANGES LIMIT 2;", earliest);
      assertEquals(
          List.of("[\"p0\",2]", "[\"p3\",8]"), rows(output), "the good records went through");

      RestClient.QueryResult log =
          client.query("SELECT * FROM MILLRACE_PROCESSING_LOG EMIT CHANGES LIMIT 2;", earliest);
      assertEquals(
          List.of(
              "QUERY_ID",
              "ERROR_TYPE",
              "SOURCE_TOPIC",
              "SOURCE_PARTITION",
              "SOURCE_OFFSET",
              "MESSAGE"),
          log.columnNames());
      List<Long> offsets = new ArrayList<>();
      for (JsonNode entry : log.rows()) {
        assertEquals(queryId, entry.get(0).asText(), entry::toString);
        assertEquals("DESERIALIZATION", entry.get(1).asText(), entry::toString);
        assertEquals("payments", entry.get(2).asText(), entry::toString);
        assertEquals(0, entry.get(3).asInt(), entry::toString);
        assertFalse(
            entry.toString().contains(SECRET),
            () -> "the processing log shows the record's data: " + entry);
        offsets.add(entry.get(4).asLong());
      }
      assertEquals(List.of(1L, 2L), offsets, "offsets of the skipped records");

      String logs = server.consoleOutput() + allLogFiles(dataDir.resolve("logs"));
      assertTrue(logs.contains("READY"), "the console log was captured");
      assertFalse(logs.contains(SECRET), "a bad record's data reached the server log");
    }
  }

  private static String onlyQueryId(RestClient client) throws Exception {
    JsonNode queries = client.ksqlOk("SHOW QUERIES;").get(0).get("queries");
    assertEquals(1, queries.size(), queries::toString);
    return queries.get(0).get("id").asText();
  }

  /** Sends {@code values} with keys p0, p1, ... to the payments topic, in order. */
  private static void produce(String bootstrapServers, String... values) {
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < values.length; i++) {
        producer.send(new ProducerRecord<>("payments", "p" + i, values[i]));
      }
      producer.flush();
    }
  }

  private static String allLogFiles(Path logDir) throws Exception {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(logDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        text.append(
            new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return text.toString();
  }

  private static List<String> rows(RestClient.QueryResult result) {
    return result.rows().stream().map(JsonNode::toString).toList();
  }
}
