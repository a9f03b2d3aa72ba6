package dev.millrace.engine.operator;

import dev.millrace.engine.serde.KeySerde;
import dev.millrace.engine.serde.ValueSerde;

/**
 * Reads back the rows a {@link SinkOperator} wrote to an internal repartition topic. A stream's
 * record without a value is skipped; a table's is the delete of its key.
 */
final class RepartitionDecoder implements RecordDecoder {
  private final KeySerde keySerde;
  private final ValueSerde valueSerde;
  private final boolean table;

  RepartitionDecoder(KeySerde keySerde, ValueSerde valueSerde) {
    this(keySerde, valueSerde, false);
  }

  RepartitionDecoder(KeySerde keySerde, ValueSerde valueSerde, boolean table) {
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
    this.table = table;
  }

  @Override
  public Row decode(InputRecord record, ProcessingContext context) {
    try {
      Object[] key = keySerde.deserialize(record.key()).columns();
      Object[] value = record.value() == null ? null : valueSerde.deserialize(record.value());
      return value == null && !table ? null : new Row(key, value, record.timestamp(), null);
    } catch (RuntimeException e) {
      context.report(
          ProcessingError.Kind.DESERIALIZATION, record.context(), SourceDecoder.reason(e));
      return null;
    }
  }
}
