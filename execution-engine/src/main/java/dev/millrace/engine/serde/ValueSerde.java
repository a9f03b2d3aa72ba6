package dev.millrace.engine.serde;

/**
 * Turns the value columns of a row into a Kafka record value and back, in one format. A null value
 * (a tombstone) maps to null bytes and back.
 */
public interface ValueSerde {
  byte[] serialize(Object[] columns);

  Object[] deserialize(byte[] bytes);
}
