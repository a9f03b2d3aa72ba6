package dev.millrace.engine.operator;

import dev.millrace.engine.serde.KeySerde;
import dev.millrace.engine.serde.ValueSerde;

/** Reads back the rows a {@link SinkOperator} wrote to an internal repartition topic. */
final class RepartitionDecoder implements RecordDecoder {
  private final KeySerde keySerde;
  private final ValueSerde valueSerde;

  RepartitionDecoder(KeySerde keySerde, ValueSerde valueSerde) {
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
  }

  @Override
  public Row decode(InputRecord record, ProcessingContext context) {
    try {
      Object[] key = keySerde.deserialize(record.key()).columns();
      Object[] value = valueSerde.deserialize(record.value());
      return value == null ? null : new Row(key, value, record.timestamp(), null);
    } catch (RuntimeException e) {
      context.report(ProcessingError.Kind.DESERIALIZATION, record.context(), SourceDecoder.reason(e));
      return null;
    }
  }
}
