package dev.millrace.engine.operator;

import dev.millrace.engine.serde.KeySerde;

/**
 * Writes a grouped table's changes, new and old value together, to its internal repartition topic
 * (see {@link ChangeCodec}); {@link ChangeDecoder} reads them back. A change that cannot be
 * serialised is skipped and reported, as {@link SinkOperator} does.
 */
final class ChangeSinkOperator implements Operator {
  private final String topic;
  private final KeySerde keySerde;
  private final ChangeCodec changes;
  private ProcessingContext context;

  ChangeSinkOperator(String topic, KeySerde keySerde, ChangeCodec changes) {
    this.topic = topic;
    this.keySerde = keySerde;
    this.changes = changes;
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
      key = keySerde.serialize(row.key(), null);
      value = changes.encode(row.value(), row.oldValue());
    } catch (RuntimeException e) {
      context.report(
          ProcessingError.Kind.SERIALIZATION,
          record,
          "Error writing to " + topic + ": " + SourceDecoder.reason(e));
      return;
    }
    context.emit(new OutputRecord(topic, key, value, row.timestamp()));
  }
}
