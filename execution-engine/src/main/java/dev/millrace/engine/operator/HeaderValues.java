package dev.millrace.engine.operator;

import dev.millrace.engine.plan.HeaderColumn;
import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** The values of a source's header columns, read from a record's headers. */
public final class HeaderValues {
  private HeaderValues() {}

  /** One value per column of {@code columns}, in order. */
  public static Object[] of(List<HeaderColumn> columns, List<InputRecord.Header> headers) {
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = value(columns.get(i), headers);
    }
    return values;
  }

  /** The last header of the column's key (null: none), or all headers as key-value structs. */
  static Object value(HeaderColumn column, List<InputRecord.Header> headers) {
    if (column.key().isPresent()) {
      String key = column.key().get();
      for (int i = headers.size() - 1; i >= 0; i--) {
        if (headers.get(i).key().equals(key)) {
          return bytes(headers.get(i).value());
        }
      }
      return null;
    }
    SqlType.Struct entry = (SqlType.Struct) ((SqlType.Array) column.type()).element();
    List<Struct> entries = new ArrayList<>(headers.size());
    for (InputRecord.Header header : headers) {
      entries.add(new Struct(entry, new Object[] {header.key(), bytes(header.value())}));
    }
    return entries;
  }

  private static ByteBuffer bytes(byte[] value) {
    return value == null ? null : ByteBuffer.wrap(value.clone());
  }
}
