package dev.millrace.engine.types;

import java.util.Arrays;
import java.util.Objects;

/**
 * A STRUCT value: its type and one value per field, in the type's field order. Values are not
 * copied; a struct is never changed after it is built.
 */
public final class Struct {
  private final SqlType.Struct type;
  private final Object[] values;

  public Struct(SqlType.Struct type, Object[] values) {
    if (values.length != type.fields().size()) {
      throw new IllegalArgumentException(
          "struct of " + type.fields().size() + " fields given " + values.length + " values");
    }
    this.type = type;
    this.values = values;
  }

  public SqlType.Struct type() {
    return type;
  }

  public Object get(int index) {
    return values[index];
  }

  /** The named field's value, or null when the struct has no such field. */
  public Object get(String field) {
    int index = type.indexOf(field);
    return index < 0 ? null : values[index];
  }

  public int size() {
    return values.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Struct other
        && type.equals(other.type)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < values.length; i++) {
      out.append(i == 0 ? "" : ", ")
          .append(type.fields().get(i).name())
          .append('=')
          .append(values[i]);
    }
    return out.append('}').toString();
  }
}
