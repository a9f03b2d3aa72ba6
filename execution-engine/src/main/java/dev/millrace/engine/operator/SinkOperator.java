package dev.millrace.engine.operator;

import dev.millrace.engine.serde.KeySerde;
import dev.millrace.engine.serde.ValueSerde;

/**
 * Serialises rows in a topic's formats and emits them with the row's time, or with the time a
 * timestamp column of the row gives (a row whose column gives no valid time is skipped and
 * reported). A table's delete is written as a tombstone (null value). A row that cannot be
 * serialised is skipped and reported. The same operator writes sink topics and internal repartition
 * topics.
 */
final class SinkOperator implements Operator {
  private final String topic;
  private final KeySerde keySerde;
  private final ValueSerde valueSerde;
  private final SinkTimestamp timestamps;
  private ProcessingContext context;

  /** A sink whose records keep their rows' time. */
  SinkOperator(String topic, KeySerde keySerde, ValueSerde valueSerde) {
    this(topic, keySerde, valueSerde, null);
  }

  /** {@code timestamps} null keeps each row's time. */
  SinkOperator(String topic, KeySerde keySerde, ValueSerde valueSerde, SinkTimestamp timestamps) {
    this.topic = topic;
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
    this.timestamps = timestamps;
  }

  @Override
  public void init(ProcessingContext context) {
    this.context = context;
  }

  @Override
  public void process(Row row, RecordContext record) {
    long timestamp = row.timestamp();
    if (timestamps != null) {
      try {
        timestamp = timestamps.of(row);
      } catch (RuntimeException e) {
        context.report(
            ProcessingError.Kind.TIMESTAMP,
            record,
            "Error writing to " + topic + ": " + SourceDecoder.reason(e));
        return;
      }
    }
    byte[] key;
    byte[] value;
    try {
      key = keySerde.serialize(row.key(), row.window());
      value = row.value() == null ? null : valueSerde.serialize(row.value());
    } catch (RuntimeException e) {
      context.report(
          ProcessingError.Kind.SERIALIZATION,
          record,
          "Error writing to " + topic + ": " + SourceDecoder.reason(e));
      return;
    }
    int partitionKeyLength = key == null ? 0 : key.length - keySerde.windowBytes();
    context.emit(
        new OutputRecord(
            topic, key, value, timestamp, OutputRecord.ANY_PARTITION, partitionKeyLength));
  }
}
