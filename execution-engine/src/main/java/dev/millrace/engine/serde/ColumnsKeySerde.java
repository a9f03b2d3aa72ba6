package dev.millrace.engine.serde;

import dev.millrace.engine.operator.Window;

/**
 * An unwindowed key: the key columns written with a value format. A null record key and a key whose
 * columns are all null are different things: the record key is null only when the key has no
 * columns, or when its single column is written bare (unwrapped) and is null. A wrapped key
 * (several columns, or a format that wraps even one) is always written, nulls and all, as ksqlDB
 * does. A null record key reads as all-null columns.
 */
final class ColumnsKeySerde implements KeySerde {
  private final ValueSerde columns;
  private final int count;
  private final boolean wrapped;

  ColumnsKeySerde(ValueSerde columns, int count, boolean wrapped) {
    this.columns = columns;
    this.count = count;
    this.wrapped = wrapped;
  }

  @Override
  public byte[] serialize(Object[] key, Window window) {
    if (count == 0 || key == null || !wrapped && key[0] == null) {
      return null;
    }
    return columns.serialize(key);
  }

  @Override
  public DecodedKey deserialize(byte[] bytes) {
    Object[] values = bytes == null || count == 0 ? new Object[count] : columns.deserialize(bytes);
    return new DecodedKey(values == null ? new Object[count] : values, null);
  }
}
