package dev.millrace.engine.operator;

/**
 * A row flowing between operators: key columns, value columns (null value = a deleted table row),
 * the event time, and the window for windowed results (else null). The arrays are not copied, for
 * speed: whoever builds a row gives up its arrays, and nobody changes a row's arrays afterwards.
 */
public record Row(Object[] key, Object[] value, long timestamp, Window window) {

  public boolean isDelete() {
    return value == null;
  }

  public Row withValue(Object[] newValue) {
    return new Row(key, newValue, timestamp, window);
  }
}
