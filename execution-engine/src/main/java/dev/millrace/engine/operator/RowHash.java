package dev.millrace.engine.operator;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A 128-bit digest of a row's value in {@link RowCodec} form. A foreign-key join sends it with a
 * left row's subscription and gets it back with the response: a response whose digest is not that
 * of the left row now stored answers an older version of the row, and is dropped. Equal values give
 * equal digests; a collision between two versions of one row is negligibly likely. One instance per
 * task (a digest is not thread-safe).
 */
final class RowHash {
  private final RowCodec values;
  private final MessageDigest digest;

  RowHash(RowCodec values) {
    this.values = values;
    try {
      this.digest = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
  }

  byte[] of(Object[] value) {
    return digest.digest(values.encode(value));
  }
}
