package dev.millrace.server.kafka;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka contract on the embedded broker Millrace starts by default. */
class EmbeddedKafkaContractTest extends KafkaContractTest {

  @TempDir static Path dataDir;

  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start(BrokerSettings.of(dataDir).withPort(0));
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Override
  protected String bootstrapServers() {
    return broker.bootstrapServers();
  }
}
