package dev.millrace.engine.serde;

import java.nio.ByteBuffer;

/**
 * Confluent's wire format for registry formats: a zero magic byte, the 4-byte big-endian schema id,
 * then the payload in the schema's encoding.
 */
final class RegistryWire {
  static final int HEADER = 5;
  private static final byte MAGIC = 0;

  private RegistryWire() {}

  /** The header for a payload written with schema {@code id}. */
  static byte[] header(int id) {
    return ByteBuffer.allocate(HEADER).put(MAGIC).putInt(id).array();
  }

  /** The schema id of a record, checking its magic byte. */
  static int schemaId(byte[] bytes, String format) {
    if (bytes.length < HEADER || bytes[0] != MAGIC) {
      throw new SerdeException(
          "Failed to deserialize "
              + format
              + ": unknown magic byte; the record was not written "
              + "with a schema registry serializer");
    }
    return ByteBuffer.wrap(bytes, 1, 4).getInt();
  }
}
