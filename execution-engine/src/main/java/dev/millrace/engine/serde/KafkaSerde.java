package dev.millrace.engine.serde;

import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The KAFKA format: at most one column, in Kafka's own serializer layouts: INTEGER 4 and BIGINT 8
 * bytes big-endian, DOUBLE 8-byte IEEE-754, STRING UTF-8, BYTES as they are. No column means no
 * bytes.
 */
final class KafkaSerde implements ValueSerde {
  private final Column column;

  KafkaSerde(List<Column> columns) {
    if (columns.size() > 1) {
      throw new SerdeException("The KAFKA format supports only one column, not " + columns.size());
    }
    this.column = columns.isEmpty() ? null : columns.get(0);
    if (column != null && !supports(column.type())) {
      throw new SerdeException(
          "The KAFKA format does not support type "
              + column.type().toSql()
              + " (column "
              + column.name()
              + ")");
    }
  }

  /** Whether a column of the type can be stored in the KAFKA format. */
  static boolean supports(SqlType type) {
    return switch (type.base()) {
      case INTEGER, BIGINT, DOUBLE, STRING, BYTES -> true;
      default -> false;
    };
  }

  @Override
  public byte[] serialize(Object[] values) {
    if (values == null || column == null || values[0] == null) {
      return null;
    }
    Object v = values[0];
    return switch (column.type().base()) {
      case INTEGER -> ByteBuffer.allocate(4).putInt((Integer) v).array();
      case BIGINT -> ByteBuffer.allocate(8).putLong((Long) v).array();
      case DOUBLE -> ByteBuffer.allocate(8).putDouble((Double) v).array();
      case STRING -> ((String) v).getBytes(StandardCharsets.UTF_8);
      default -> toArray((ByteBuffer) v);
    };
  }

  @Override
  public Object[] deserialize(byte[] bytes) {
    if (column == null) {
      return new Object[0];
    }
    if (bytes == null) {
      return null;
    }
    return new Object[] {read(bytes)};
  }

  private Object read(byte[] bytes) {
    return switch (column.type().base()) {
      case INTEGER -> ByteBuffer.wrap(exactly(bytes, 4)).getInt();
      case BIGINT -> ByteBuffer.wrap(exactly(bytes, 8)).getLong();
      case DOUBLE -> ByteBuffer.wrap(exactly(bytes, 8)).getDouble();
      case STRING -> new String(bytes, StandardCharsets.UTF_8);
      default -> ByteBuffer.wrap(bytes.clone());
    };
  }

  private byte[] exactly(byte[] bytes, int size) {
    if (bytes.length != size) {
      throw new SerdeException(
          "Failed to deserialize column "
              + column.name()
              + ": the KAFKA format needs "
              + size
              + " bytes for "
              + column.type().toSql()
              + " but got "
              + bytes.length);
    }
    return bytes;
  }

  private static byte[] toArray(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }
}
