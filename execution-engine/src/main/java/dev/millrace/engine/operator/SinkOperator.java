package dev.millrace.engine.operator;

import dev.millrace.engine.serde.KeySerde;
import dev.millrace.engine.serde.ValueSerde;

/**
 * Serialises rows in a topic's formats and emits them with the row's time. A table's delete is
 * written as a tombstone (null value). A row that cannot be serialised is skipped and reported.
 * The same operator writes sink topics and internal repartition topics.
 */
final class SinkOperator implements Operator {
  private final String topic;
  private final KeySerde keySerde;
  private final ValueSerde valueSerde;
  private ProcessingContext context;

  SinkOperator(String topic, KeySerde keySerde, ValueSerde valueSerde) {
    this.topic = topic;
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
  }

  @Override
  public void init(ProcessingContext context) {
    this.context = context;
  }

  @Override
  public void process(Row row, RecordContext record) {
    byte[] key;
    byte[] value;
    try {
      key = keySerde.serialize(row.key(), row.window());
      value = row.value() == null ? null : valueSerde.serialize(row.value());
    } catch (RuntimeException e) {
      context.report(ProcessingError.Kind.SERIALIZATION, record, "Error writing to " + topic + ": " + SourceDecoder.reason(e));
      return;
    }
    context.emit(new OutputRecord(topic, key, value, row.timestamp()));
  }
}
