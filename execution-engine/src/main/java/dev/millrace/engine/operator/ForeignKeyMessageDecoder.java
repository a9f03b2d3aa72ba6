package dev.millrace.engine.operator;

import dev.millrace.engine.serde.KeySerde;
import java.util.function.Function;

/**
 * Reads a foreign-key join's subscriptions or responses back from its internal topics: the key
 * through {@code keys}, the value into a {@link Subscription} or {@link SubscriptionResponse} that
 * the row carries as its only value column, for the one operator that reads the topic.
 */
final class ForeignKeyMessageDecoder implements RecordDecoder {
  private final KeySerde keys;
  private final Function<byte[], Object> messages;

  ForeignKeyMessageDecoder(KeySerde keys, Function<byte[], Object> messages) {
    this.keys = keys;
    this.messages = messages;
  }

  @Override
  public Row decode(InputRecord record, ProcessingContext context) {
    try {
      Object[] key = keys.deserialize(record.key()).columns();
      return new Row(key, new Object[] {messages.apply(record.value())}, record.timestamp(), null);
    } catch (RuntimeException e) {
      context.report(
          ProcessingError.Kind.DESERIALIZATION, record.context(), SourceDecoder.reason(e));
      return null;
    }
  }
}
