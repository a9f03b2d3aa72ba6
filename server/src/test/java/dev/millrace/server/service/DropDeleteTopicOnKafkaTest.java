package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.server.api.SourceDescriptionEntity;
import dev.millrace.server.kafka.BrokerSettings;
import dev.millrace.server.kafka.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DROP ... DELETE TOPIC on a broker that refuses to delete topics: the user gets a 4xx with the
 * broker's reason, and nothing happened: the source is still there, also after a restart from the
 * command log (the DROP was not logged), and so is its topic.
 */
class DropDeleteTopicOnKafkaTest {

  @TempDir Path dataDir;

  @Test
  void aDeletionKafkaRefusesLeavesTheSourceAndTheLogAsTheyWere() throws Exception {
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(
            BrokerSettings.of(dataDir).withPort(0).withOverride("delete.topic.enable", "false"))) {
      try (EngineOnKafka server = start(broker)) {
        server.run(
            "CREATE STREAM orders (id INT KEY, item STRING) "
                + "WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=1);");

        EngineException refused =
            assertThrows(
                EngineException.class, () -> server.run("DROP STREAM orders DELETE TOPIC;"));

        assertEquals(ErrorCode.BAD_STATEMENT, refused.errorCode());
        assertTrue(
            refused.getMessage().startsWith("line 1:1: Could not delete topic 'orders': "),
            refused.getMessage());
        assertTrue(refused.getMessage().contains("disabled"), refused.getMessage());
        assertEquals("ORDERS", describe(server));
        assertTrue(server.engine().topicExists("orders"));
      }
      try (EngineOnKafka restarted = start(broker)) {
        assertEquals("ORDERS", describe(restarted));
      }
    }
  }

  private EngineOnKafka start(EmbeddedKafkaBroker broker) {
    return EngineOnKafka.start(
        broker.bootstrapServers(), "drop", "0", dataDir.resolve("state"), Duration.ofSeconds(10));
  }

  private static String describe(EngineOnKafka server) {
    SourceDescriptionEntity described =
        (SourceDescriptionEntity)
            server
                .engine()
                .execute(
                    server.engine().parse("DESCRIBE orders;").get(0),
                    Session.of(new HashMap<>(), Map.of()));
    return described.sourceDescription().name();
  }
}
