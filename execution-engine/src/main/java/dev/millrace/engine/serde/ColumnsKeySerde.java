package dev.millrace.engine.serde;

import dev.millrace.engine.operator.Window;

/**
 * An unwindowed key: the key columns written with a value format. No columns means a null key; a
 * null record key reads as all-null columns.
 */
final class ColumnsKeySerde implements KeySerde {
  private final ValueSerde columns;
  private final int count;

  ColumnsKeySerde(ValueSerde columns, int count) {
    this.columns = columns;
    this.count = count;
  }

  @Override
  public byte[] serialize(Object[] key, Window window) {
    if (count == 0 || key == null || allNull(key)) {
      return null;
    }
    return columns.serialize(key);
  }

  @Override
  public DecodedKey deserialize(byte[] bytes) {
    Object[] values = bytes == null || count == 0 ? new Object[count] : columns.deserialize(bytes);
    return new DecodedKey(values == null ? new Object[count] : values, null);
  }

  private static boolean allNull(Object[] key) {
    for (Object k : key) {
      if (k != null) {
        return false;
      }
    }
    return true;
  }
}
