package dev.millrace.engine.operator;

/**
 * A row flowing between operators: key columns, value columns (null value = a deleted table row),
 * the event time, and the window for windowed results (else null). The arrays are not copied, for
 * speed: whoever builds a row gives up its arrays, and nobody changes a row's arrays afterwards.
 *
 * <p>Table rows also carry the key's previous value ({@code oldValue}, null when there was none,
 * and always null on streams), so that a table filter can turn a row that stops matching into a
 * delete and stay silent when neither the old nor the new row matches.
 */
public record Row(Object[] key, Object[] value, long timestamp, Window window, Object[] oldValue) {

  /** A stream row, or a table row with no previous value. */
  public Row(Object[] key, Object[] value, long timestamp, Window window) {
    this(key, value, timestamp, window, null);
  }

  public boolean isDelete() {
    return value == null;
  }

  public Row withValue(Object[] newValue) {
    return new Row(key, newValue, timestamp, window, oldValue);
  }

  /** The same change with new and old values replaced. */
  public Row withValues(Object[] newValue, Object[] newOldValue) {
    return new Row(key, newValue, timestamp, window, newOldValue);
  }
}
