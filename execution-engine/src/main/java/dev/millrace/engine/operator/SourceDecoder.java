package dev.millrace.engine.operator;

import dev.millrace.engine.plan.HeaderColumn;
import dev.millrace.engine.serde.KeySerde;
import dev.millrace.engine.serde.ValueSerde;
import java.util.List;

/**
 * Decodes a source topic's record into a source row: the key columns, and the value extended as
 * {@link dev.millrace.engine.plan.SourceColumns} says (value columns, header columns, ROWTIME,
 * ROWPARTITION, ROWOFFSET, copies of the key columns, then the window bounds for a windowed key).
 * The event time is the record's timestamp unless a timestamp column is declared.
 *
 * <p>A null value is a row with a null value: tables read it as a delete, and streams pass it on
 * (as ksqlDB does, a projection turns it into a null output value, while filters, aggregations and
 * joins drop it, reporting it). Tables skip records with a null key (no row to delete or upsert),
 * reporting them to the processing log.
 */
final class SourceDecoder implements RecordDecoder {
  private final KeySerde keySerde;
  private final ValueSerde valueSerde;
  private final int keyCount;
  private final int storedCount;
  private final List<HeaderColumn> headers;
  private final int valueCount;
  private final boolean windowed;
  private final boolean table;
  private final TimestampExtractor timestamps;

  SourceDecoder(
      KeySerde keySerde,
      ValueSerde valueSerde,
      int keyCount,
      int storedCount,
      List<HeaderColumn> headers,
      boolean windowed,
      boolean table,
      TimestampExtractor timestamps) {
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
    this.keyCount = keyCount;
    this.storedCount = storedCount;
    this.headers = List.copyOf(headers);
    this.valueCount = storedCount + headers.size();
    this.windowed = windowed;
    this.table = table;
    this.timestamps = timestamps;
  }

  @Override
  public Row decode(InputRecord record, ProcessingContext context) {
    if (table && record.key() == null) {
      DroppedRecords.nullTableKey(context, record.context());
      return null;
    }
    KeySerde.DecodedKey key;
    Object[] stored;
    try {
      key =
          record.key() == null
              ? new KeySerde.DecodedKey(KeySerde.nullKey(keyCount), null)
              : keySerde.deserialize(record.key());
      stored = valueSerde.deserialize(record.value());
    } catch (RuntimeException e) {
      context.report(ProcessingError.Kind.DESERIALIZATION, record.context(), reason(e));
      return null;
    }
    if (stored == null) {
      return new Row(key.columns(), null, record.timestamp(), key.window());
    }
    Object[] value = extend(stored, key, record);
    long timestamp = record.timestamp();
    if (timestamps != null) {
      try {
        timestamp = timestamps.extract(value);
      } catch (RuntimeException e) {
        context.report(ProcessingError.Kind.TIMESTAMP, record.context(), reason(e));
        return null;
      }
      value[valueCount] = timestamp;
    }
    return new Row(key.columns(), value, timestamp, key.window());
  }

  private Object[] extend(Object[] stored, KeySerde.DecodedKey key, InputRecord record) {
    Object[] value = new Object[valueCount + 3 + keyCount + (windowed ? 2 : 0)];
    System.arraycopy(stored, 0, value, 0, storedCount);
    for (int i = 0; i < headers.size(); i++) {
      value[storedCount + i] = HeaderValues.value(headers.get(i), record.headers());
    }
    value[valueCount] = record.timestamp();
    value[valueCount + 1] = record.partition();
    value[valueCount + 2] = record.offset();
    System.arraycopy(key.columns(), 0, value, valueCount + 3, keyCount);
    if (windowed && key.window() != null) {
      value[valueCount + 3 + keyCount] = key.window().start();
      value[valueCount + 4 + keyCount] = key.window().end();
    }
    return value;
  }

  static String reason(RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return e.getCause() != null
            && e.getCause().getMessage() != null
            && !message.contains(e.getCause().getMessage())
        ? message + ": " + e.getCause().getMessage()
        : message;
  }
}
