package dev.millrace.engine.operator;

import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import java.util.List;

/**
 * Takes a sink record's timestamp from one key or value column of the row it writes (a sink's WITH
 * TIMESTAMP). A table's delete has no value, so when the column is a value column the tombstone
 * keeps the row's time.
 */
final class SinkTimestamp {
  private final boolean keyColumn;
  private final TimestampExtractor extractor;

  private SinkTimestamp(boolean keyColumn, TimestampExtractor extractor) {
    this.keyColumn = keyColumn;
    this.extractor = extractor;
  }

  static SinkTimestamp of(LogicalSchema schema, String column, String format) {
    int key = indexOf(schema.key(), column);
    if (key >= 0) {
      return new SinkTimestamp(
          true, new TimestampExtractor(key, column, schema.key().get(key).type(), format));
    }
    int value = indexOf(schema.value(), column);
    if (value < 0) {
      throw new IllegalArgumentException(
          "timestamp column " + column + " is not a column of the sink");
    }
    return new SinkTimestamp(
        false, new TimestampExtractor(value, column, schema.value().get(value).type(), format));
  }

  /** The record's timestamp; throws {@link IllegalArgumentException} when the column gives none. */
  long of(Row row) {
    if (keyColumn) {
      return extractor.extract(row.key());
    }
    return row.value() == null ? row.timestamp() : extractor.extract(row.value());
  }

  private static int indexOf(List<Column> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
