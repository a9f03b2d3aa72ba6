package dev.millrace.server.kafka;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The Kafka contract on a stock Apache Kafka broker in a container, to keep Millrace honest about
 * clusters it did not start itself. Skipped where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerKafkaContractTest extends KafkaContractTest {

  @Container private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

  @Override
  protected String bootstrapServers() {
    return KAFKA.getBootstrapServers();
  }
}
