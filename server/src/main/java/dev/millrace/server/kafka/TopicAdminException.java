package dev.millrace.server.kafka;

/** A topic operation failed; the message names the topic, the operation and Kafka's reason. */
public class TopicAdminException extends RuntimeException {

  public TopicAdminException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The topic to create already exists. */
  public static final class TopicExists extends TopicAdminException {
    public TopicExists(String topic, Throwable cause) {
      super("topic '" + topic + "' already exists", cause);
    }
  }

  /** The topic to describe or delete does not exist. */
  public static final class UnknownTopic extends TopicAdminException {
    public UnknownTopic(String topic, Throwable cause) {
      super("topic '" + topic + "' does not exist", cause);
    }
  }
}
