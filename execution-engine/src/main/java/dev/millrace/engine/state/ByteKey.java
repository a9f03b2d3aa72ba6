package dev.millrace.engine.state;

import java.util.Arrays;

/** A byte array compared by content, its hash computed once: a key for hash maps of store keys. */
public record ByteKey(byte[] bytes, int hash) {
  public ByteKey(byte[] bytes) {
    this(bytes, Arrays.hashCode(bytes));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ByteKey key && hash == key.hash && Arrays.equals(bytes, key.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
