package dev.millrace.engine.serde;

import dev.millrace.engine.operator.Window;

/**
 * Turns the key columns of a row (and, for a windowed key, its window) into a Kafka record key and
 * back. A key with no columns serialises to null.
 *
 * <p>A null record key and a key whose columns are all null are different things, and both reach
 * the sinks as they came: a null record key is read as the shared all-null columns of {@link
 * #nullKey} (rows never change their key arrays), which every key serde writes as a null record key
 * again, while a key computed to all nulls is written as the format writes those columns.
 */
public interface KeySerde {
  byte[] serialize(Object[] columns, Window window);

  DecodedKey deserialize(byte[] bytes);

  /**
   * How many bytes at the end of a serialised key hold its window (0 for an unwindowed key). Kafka
   * Streams partitions a windowed key by the bytes before them, so that all windows of a key share
   * its partition.
   */
  default int windowBytes() {
    return 0;
  }

  /** The key columns and, for a windowed key, the window (else null). */
  record DecodedKey(Object[] columns, Window window) {}

  /** The columns of a null record key of {@code count} columns: all null, one array per width. */
  static Object[] nullKey(int count) {
    return NullKeys.of(count);
  }

  /** Whether the key columns are those of a null record key (see {@link #nullKey}). */
  static boolean isNullKey(Object[] columns) {
    return columns == null || NullKeys.is(columns);
  }
}
