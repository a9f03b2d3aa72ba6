package dev.millrace.engine.runtime;

/**
 * A query's topics do not fit together as the Kafka runtime needs: inputs of one task with
 * different partition counts. The statement is at fault, not Kafka; the message names the topics
 * and their partition counts.
 */
public final class TopicLayoutException extends QueryStartException {
  public TopicLayoutException(String message) {
    super(message);
  }
}
