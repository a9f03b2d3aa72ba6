package dev.millrace.server.kafka;

/**
 * Thrown at a Kafka broker thread in place of halting the JVM; see {@link
 * EmbeddedKafkaBroker#fatalFault()}.
 */
public final class KafkaFatalFaultException extends RuntimeException {

  public KafkaFatalFaultException(String message) {
    super(message);
  }
}
