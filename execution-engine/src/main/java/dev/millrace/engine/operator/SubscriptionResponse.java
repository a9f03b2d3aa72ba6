package dev.millrace.engine.operator;

import java.nio.ByteBuffer;

/**
 * What the right input of a foreign-key join sends back to a subscribed left row, on the join's
 * response topic (keyed by the left key): the right row its foreign key names now ({@code null}
 * when there is none), and the {@link RowHash} of the left row that subscribed.
 */
record SubscriptionResponse(byte[] hash, Object[] rightValue) {

  /** The record value: the hash's length and bytes, then the right row if there is one. */
  byte[] encode(RowCodec rightValues) {
    ByteWriter out = new ByteWriter(64);
    out.writeByte(hash.length);
    out.writeRaw(hash);
    if (rightValue != null) {
      rightValues.encodeTo(rightValue, out);
    }
    return out.toByteArray();
  }

  static SubscriptionResponse decode(byte[] bytes, RowCodec rightValues) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    byte[] hash = new byte[in.get()];
    in.get(hash);
    return new SubscriptionResponse(hash, in.hasRemaining() ? rightValues.decodeFrom(in) : null);
  }
}
