package dev.millrace.engine.operator;

import dev.millrace.engine.serde.KeySerde;
import dev.millrace.engine.serde.ValueSerde;

/**
 * Reads back the rows a {@link SinkOperator} wrote to an internal repartition topic, with their
 * window when its keys are windowed. A record without a value is a row with a null value: a table's
 * delete of its key, or a stream's tombstone, which the operator downstream passes on or drops (and
 * reports) as it does a source's.
 */
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
      KeySerde.DecodedKey key = keySerde.deserialize(record.key());
      Object[] value = record.value() == null ? null : valueSerde.deserialize(record.value());
      return new Row(key.columns(), value, record.timestamp(), key.window());
    } catch (RuntimeException e) {
      context.report(
          ProcessingError.Kind.DESERIALIZATION, record.context(), SourceDecoder.reason(e));
      return null;
    }
  }
}
