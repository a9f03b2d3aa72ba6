package dev.millrace.engine.operator;

import java.nio.ByteBuffer;

/**
 * A stored row: its time (8 bytes, big-endian), then its values in {@link RowCodec} form. Used for
 * materialised table rows and aggregate accumulators.
 */
final class TimestampedCodec {
  private final RowCodec values;

  TimestampedCodec(RowCodec values) {
    this.values = values;
  }

  byte[] encode(long timestamp, Object[] row) {
    ByteWriter out = new ByteWriter(64);
    out.writeLong(timestamp);
    values.encodeTo(row, out);
    return out.toByteArray();
  }

  static long timestamp(byte[] stored) {
    return ByteBuffer.wrap(stored).getLong();
  }

  Object[] values(byte[] stored) {
    return values.decodeFrom(ByteBuffer.wrap(stored, 8, stored.length - 8));
  }
}
