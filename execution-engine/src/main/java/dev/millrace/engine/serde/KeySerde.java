package dev.millrace.engine.serde;

import dev.millrace.engine.operator.Window;

/**
 * Turns the key columns of a row (and, for a windowed key, its window) into a Kafka record key and
 * back. A key with no columns serialises to null.
 */
public interface KeySerde {
  byte[] serialize(Object[] columns, Window window);

  DecodedKey deserialize(byte[] bytes);

  /** The key columns and, for a windowed key, the window (else null). */
  record DecodedKey(Object[] columns, Window window) {}
}
