package dev.millrace.engine.serde;

/** The NONE format: no columns; writes no bytes and reads any bytes as an empty row. */
final class NoneSerde implements ValueSerde {
  @Override
  public byte[] serialize(Object[] values) {
    return null;
  }

  @Override
  public Object[] deserialize(byte[] bytes) {
    return new Object[0];
  }
}
