package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.server.api.SourceDescriptionEntity;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DROP ... DELETE TOPIC on a broker that refuses to delete topics: the user gets a 4xx with the
 * broker's reason, and nothing happened: the source is still there, also after a restart from the
 * command log (the DROP was not logged), and so is its topic.
 */
class DropDeleteTopicOnKafkaTest {

  @RegisterExtension
  static final KafkaBrokerExtension kafka =
      new KafkaBrokerExtension(settings -> settings.withOverride("delete.topic.enable", "false"));

  @Test
  void aDeletionKafkaRefusesLeavesTheSourceAndTheLogAsTheyWere() throws Exception {
    try (EngineOnKafka server = start()) {
      server.run(
          "CREATE STREAM orders (id INT KEY, item STRING) "
              + "WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=1);");

      EngineException refused =
          assertThrows(EngineException.class, () -> server.run("DROP STREAM orders DELETE TOPIC;"));

      assertEquals(ErrorCode.BAD_STATEMENT, refused.errorCode());
      assertTrue(
          refused.getMessage().startsWith("line 1:1: Could not delete topic 'orders': "),
          refused.getMessage());
      assertTrue(refused.getMessage().contains("disabled"), refused.getMessage());
      assertEquals("ORDERS", describe(server));
      assertTrue(server.engine().topicExists("orders"));
    }
    try (EngineOnKafka restarted = start()) {
      assertEquals("ORDERS", describe(restarted));
    }
  }

  private static EngineOnKafka start() {
    return kafka.server("drop", "0", Duration.ofSeconds(10));
  }

  private static String describe(EngineOnKafka server) {
    return ((SourceDescriptionEntity) server.run("DESCRIBE orders;")).sourceDescription().name();
  }
}
