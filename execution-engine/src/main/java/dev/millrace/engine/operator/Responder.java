package dev.millrace.engine.operator;

/**
 * Sends a foreign-key join's responses from the right table's task to the left task that
 * subscribed: to the partition it named, keyed by the left key.
 */
final class Responder {
  private final String responseTopic;
  private final RowCodec rightValues;
  private ProcessingContext context;

  Responder(String responseTopic, RowCodec rightValues) {
    this.responseTopic = responseTopic;
    this.rightValues = rightValues;
  }

  void init(ProcessingContext context) {
    this.context = context;
  }

  /** Answers {@code subscriber} with {@code rightValue} (null: no right row). */
  void respond(SubscriptionStore.Subscriber subscriber, Object[] rightValue, long time) {
    byte[] value = new SubscriptionResponse(subscriber.hash(), rightValue).encode(rightValues);
    context.emit(
        new OutputRecord(responseTopic, subscriber.leftKey(), value, time, subscriber.partition()));
  }
}
