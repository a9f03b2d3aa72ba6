package dev.millrace.engine.operator;

import dev.millrace.engine.serde.KeySerde;

/** Reads back the table changes a {@link ChangeSinkOperator} wrote to a repartition topic. */
final class ChangeDecoder implements RecordDecoder {
  private final KeySerde keySerde;
  private final ChangeCodec changes;

  ChangeDecoder(KeySerde keySerde, ChangeCodec changes) {
    this.keySerde = keySerde;
    this.changes = changes;
  }

  @Override
  public Row decode(InputRecord record, ProcessingContext context) {
    try {
      Object[] key = keySerde.deserialize(record.key()).columns();
      Object[][] change = changes.decode(record.value());
      return new Row(key, change[0], record.timestamp(), null, change[1]);
    } catch (RuntimeException e) {
      context.report(
          ProcessingError.Kind.DESERIALIZATION, record.context(), SourceDecoder.reason(e));
      return null;
    }
  }
}
