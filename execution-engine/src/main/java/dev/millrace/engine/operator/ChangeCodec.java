package dev.millrace.engine.operator;

import java.nio.ByteBuffer;

/**
 * A table change (new value and old value, either may be absent) as the bytes of one repartition
 * record, for a grouped table's internal topic: a flags byte (1 = new present, 2 = old present),
 * then the present values in {@link RowCodec} form, new first. Unlike a plain value, a change is
 * never a tombstone, since a retraction still carries the old row it takes back.
 */
final class ChangeCodec {
  private static final int NEW = 1;
  private static final int OLD = 2;

  private final RowCodec values;

  ChangeCodec(RowCodec values) {
    this.values = values;
  }

  byte[] encode(Object[] newValue, Object[] oldValue) {
    ByteWriter out = new ByteWriter(64);
    out.writeByte((newValue == null ? 0 : NEW) | (oldValue == null ? 0 : OLD));
    if (newValue != null) {
      values.encodeTo(newValue, out);
    }
    if (oldValue != null) {
      values.encodeTo(oldValue, out);
    }
    return out.toByteArray();
  }

  /** Decodes into {@code [new, old]}, either null when absent. */
  Object[][] decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int flags = in.get();
    Object[] newValue = (flags & NEW) != 0 ? values.decodeFrom(in) : null;
    Object[] oldValue = (flags & OLD) != 0 ? values.decodeFrom(in) : null;
    return new Object[][] {newValue, oldValue};
  }
}
