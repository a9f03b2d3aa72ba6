package dev.millrace.engine.operator;

import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's own binary encoding of a list of typed values, for state stores and internal topics:
 * total (every SQL type, nulls anywhere), deterministic (equal values give equal bytes) and
 * prefix-free (no encoding is a proper prefix of another of the same types), so an encoded key can
 * be followed by a window's bounds and still be scanned by prefix. It is not a user-facing format:
 * topics people read use the serdes of their declared formats.
 */
public final class RowCodec {
  private final SqlType[] types;

  public RowCodec(List<SqlType> types) {
    this.types = types.toArray(SqlType[]::new);
  }

  public static RowCodec of(List<Column> columns) {
    return new RowCodec(columns.stream().map(Column::type).toList());
  }

  public byte[] encode(Object[] values) {
    ByteWriter out = new ByteWriter(32);
    encodeTo(values, out);
    return out.toByteArray();
  }

  void encodeTo(Object[] values, ByteWriter out) {
    for (int i = 0; i < types.length; i++) {
      write(types[i], values[i], out);
    }
  }

  public Object[] decode(byte[] bytes) {
    return decodeFrom(ByteBuffer.wrap(bytes));
  }

  Object[] decodeFrom(ByteBuffer in) {
    Object[] values = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      values[i] = read(types[i], in);
    }
    return values;
  }

  private static void write(SqlType type, Object value, ByteWriter out) {
    if (value == null) {
      out.writeByte(0);
      return;
    }
    out.writeByte(1);
    switch (type.base()) {
      case BOOLEAN -> out.writeByte((Boolean) value ? 1 : 0);
      case INTEGER, DATE -> out.writeInt((Integer) value);
      case BIGINT, TIME, TIMESTAMP -> out.writeLong((Long) value);
      case DOUBLE -> out.writeLong(Double.doubleToLongBits((Double) value));
      case DECIMAL -> {
        BigDecimal decimal = (BigDecimal) value;
        out.writeInt(decimal.scale());
        out.writeBytes(decimal.unscaledValue().toByteArray());
      }
      case STRING -> out.writeBytes(((String) value).getBytes(StandardCharsets.UTF_8));
      case BYTES -> {
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        out.writeBytes(bytes);
      }
      case ARRAY -> {
        List<?> list = (List<?>) value;
        out.writeInt(list.size());
        SqlType element = ((SqlType.Array) type).element();
        list.forEach(e -> write(element, e, out));
      }
      case MAP -> {
        Map<?, ?> map = (Map<?, ?>) value;
        SqlType.Map mapType = (SqlType.Map) type;
        out.writeInt(map.size());
        map.forEach(
            (k, v) -> {
              write(mapType.key(), k, out);
              write(mapType.value(), v, out);
            });
      }
      case STRUCT -> {
        Struct struct = (Struct) value;
        List<SqlType.Field> fields = ((SqlType.Struct) type).fields();
        for (int i = 0; i < fields.size(); i++) {
          write(fields.get(i).type(), struct.get(i), out);
        }
      }
    }
  }

  private static Object read(SqlType type, ByteBuffer in) {
    if (in.get() == 0) {
      return null;
    }
    return switch (type.base()) {
      case BOOLEAN -> in.get() != 0;
      case INTEGER, DATE -> in.getInt();
      case BIGINT, TIME, TIMESTAMP -> in.getLong();
      case DOUBLE -> Double.longBitsToDouble(in.getLong());
      case DECIMAL -> {
        int scale = in.getInt();
        yield new BigDecimal(new BigInteger(readBytes(in)), scale);
      }
      case STRING -> new String(readBytes(in), StandardCharsets.UTF_8);
      case BYTES -> ByteBuffer.wrap(readBytes(in));
      case ARRAY -> {
        int size = in.getInt();
        SqlType element = ((SqlType.Array) type).element();
        List<Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          list.add(read(element, in));
        }
        yield list;
      }
      case MAP -> {
        int size = in.getInt();
        SqlType.Map mapType = (SqlType.Map) type;
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
          Object key = read(mapType.key(), in);
          map.put(key, read(mapType.value(), in));
        }
        yield map;
      }
      case STRUCT -> {
        SqlType.Struct structType = (SqlType.Struct) type;
        Object[] values = new Object[structType.fields().size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = read(structType.fields().get(i).type(), in);
        }
        yield new Struct(structType, values);
      }
    };
  }

  private static byte[] readBytes(ByteBuffer in) {
    byte[] bytes = new byte[in.getInt()];
    in.get(bytes);
    return bytes;
  }
}
