package dev.millrace.server.kafka;

/** The embedded Kafka broker could not start; the message says why and where. */
public final class BrokerStartException extends RuntimeException {

  public BrokerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
