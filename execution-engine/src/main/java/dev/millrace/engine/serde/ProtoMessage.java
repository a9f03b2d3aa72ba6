package dev.millrace.engine.serde;

import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A protobuf message whose fields are numbered 1..n in column order: writes a row's values and
 * reads them back. How a null primitive travels is {@link Nulls}: proto3's plain fields cannot be
 * null (null is written as nothing and read back as the default: 0, "", false), optional fields and
 * wrapper messages keep nulls.
 */
final class ProtoMessage {

  /** ksqlDB's nullable representations of primitive fields. */
  enum Nulls {
    DEFAULTS,
    OPTIONAL,
    WRAPPER
  }

  private final List<SqlType> types;
  private final Nulls nulls;
  private final ProtoValue[] values;
  private final ProtoMessage[] entries;

  ProtoMessage(List<SqlType> types, Nulls nulls) {
    this.types = List.copyOf(types);
    this.nulls = nulls;
    this.values = new ProtoValue[types.size()];
    this.entries = new ProtoMessage[types.size()];
    for (int i = 0; i < types.size(); i++) {
      SqlType type = types.get(i);
      if (type instanceof SqlType.Array array) {
        values[i] = element(array.element());
      } else if (type instanceof SqlType.Map map) {
        entries[i] = new ProtoMessage(List.of(map.key(), map.value()), Nulls.DEFAULTS);
      } else {
        values[i] = ProtoValues.of(type, nulls);
      }
    }
  }

  static List<SqlType> fieldsOf(SqlType... types) {
    return Arrays.asList(types);
  }

  private ProtoValue element(SqlType type) {
    if (type instanceof SqlType.Array || type instanceof SqlType.Map) {
      throw new SerdeException("The PROTOBUF format cannot hold an array of " + type.toSql());
    }
    return ProtoValues.of(type, nulls);
  }

  byte[] write(Object[] row) {
    ProtoWriter out = new ProtoWriter();
    for (int i = 0; i < row.length; i++) {
      if (row[i] != null) {
        writeField(out, i, row[i]);
      }
    }
    return out.toByteArray();
  }

  private void writeField(ProtoWriter out, int index, Object value) {
    int field = index + 1;
    SqlType type = types.get(index);
    if (type instanceof SqlType.Array) {
      for (Object element : (List<?>) value) {
        Object v = element == null ? values[index].absent() : element;
        if (v != null) {
          out.tag(field, values[index].wireType());
          values[index].write(out, v);
        }
      }
    } else if (type instanceof SqlType.Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        out.tag(field, ProtoWriter.LENGTH_DELIMITED);
        out.bytes(entries[index].write(new Object[] {e.getKey(), e.getValue()}));
      }
    } else if (nulls == Nulls.WRAPPER && values[index].absent() != null) {
      ProtoWriter wrapper = new ProtoWriter();
      wrapper.tag(1, values[index].wireType());
      values[index].write(wrapper, value);
      out.tag(field, ProtoWriter.LENGTH_DELIMITED);
      out.bytes(wrapper.toByteArray());
    } else {
      out.tag(field, values[index].wireType());
      values[index].write(out, value);
    }
  }

  Object[] read(ProtoReader in) {
    Object[] row = new Object[types.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = initial(i);
    }
    while (!in.atEnd()) {
      int tag = in.tag();
      int index = (tag >>> 3) - 1;
      int wireType = tag & 7;
      if (index < 0 || index >= row.length) {
        in.skip(wireType);
      } else {
        row[index] = readField(in, index, wireType, row[index]);
      }
    }
    return row;
  }

  private Object initial(int index) {
    SqlType type = types.get(index);
    if (type instanceof SqlType.Array) {
      return new ArrayList<>();
    }
    if (type instanceof SqlType.Map) {
      return new LinkedHashMap<>();
    }
    return nulls == Nulls.DEFAULTS ? values[index].absent() : null;
  }

  @SuppressWarnings("unchecked")
  private Object readField(ProtoReader in, int index, int wireType, Object current) {
    SqlType type = types.get(index);
    ProtoValue value = values[index];
    if (type instanceof SqlType.Array) {
      List<Object> list = (List<Object>) current;
      if (wireType == ProtoWriter.LENGTH_DELIMITED && value.packable()) {
        ProtoReader packed = in.embedded();
        while (!packed.atEnd()) {
          list.add(value.read(packed));
        }
      } else if (wireType == value.wireType()) {
        list.add(value.read(in));
      } else {
        in.skip(wireType);
      }
      return list;
    }
    if (type instanceof SqlType.Map) {
      Object[] entry = entries[index].read(in.embedded());
      ((Map<Object, Object>) current).put(entry[0], entry[1]);
      return current;
    }
    if (nulls == Nulls.WRAPPER
        && value.absent() != null
        && wireType == ProtoWriter.LENGTH_DELIMITED) {
      ProtoReader wrapper = in.embedded();
      Object inner = value.absent();
      while (!wrapper.atEnd()) {
        int tag = wrapper.tag();
        if (tag >>> 3 == 1 && (tag & 7) == value.wireType()) {
          inner = value.read(wrapper);
        } else {
          wrapper.skip(tag & 7);
        }
      }
      return inner;
    }
    if (wireType != value.wireType()) {
      in.skip(wireType);
      return current;
    }
    return value.read(in);
  }
}
