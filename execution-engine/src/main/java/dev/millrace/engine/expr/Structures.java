package dev.millrace.engine.expr;

import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ARRAY, MAP and STRUCT: construction, element access by subscript, and struct field access. */
final class Structures {
  private Structures() {}

  static Eval array(Eval[] elements) {
    return (row, vars) -> {
      List<Object> out = new ArrayList<>(elements.length);
      for (Eval e : elements) {
        out.add(e.eval(row, vars));
      }
      return out;
    };
  }

  static Eval map(Eval[] keys, Eval[] values) {
    return (row, vars) -> {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < keys.length; i++) {
        out.put(keys[i].eval(row, vars), values[i].eval(row, vars));
      }
      return out;
    };
  }

  static Eval struct(SqlType.Struct type, Eval[] values) {
    return (row, vars) -> {
      Object[] fields = new Object[values.length];
      for (int i = 0; i < values.length; i++) {
        fields[i] = values[i].eval(row, vars);
      }
      return new Struct(type, fields);
    };
  }

  /**
   * struct->field; a null struct gives null. The field is found by exact name, else ignoring case.
   */
  static Eval field(SqlType.Struct type, String name, Eval struct) {
    int index = type.indexOf(name);
    for (int i = 0; index < 0 && i < type.fields().size(); i++) {
      if (type.fields().get(i).name().equalsIgnoreCase(name)) {
        index = i;
      }
    }
    if (index < 0) {
      throw new IllegalArgumentException("Struct " + type.toSql() + " has no field " + name);
    }
    int at = index;
    return (row, vars) -> {
      Object s = struct.eval(row, vars);
      return s == null ? null : ((Struct) s).get(at);
    };
  }

  /** array[i] (1-based; negative counts from the end; out of range is null) or map[key]. */
  static Eval subscript(SqlType container, Eval base, Eval index) {
    if (container instanceof SqlType.Map) {
      return (row, vars) -> {
        Object m = base.eval(row, vars);
        Object k = m == null ? null : index.eval(row, vars);
        return k == null ? null : ((Map<?, ?>) m).get(k);
      };
    }
    return (row, vars) -> {
      Object a = base.eval(row, vars);
      Object i = a == null ? null : index.eval(row, vars);
      return i == null ? null : element((List<?>) a, ((Number) i).intValue());
    };
  }

  static Object element(List<?> list, int index) {
    int at = index > 0 ? index - 1 : list.size() + index;
    return index == 0 || at < 0 || at >= list.size() ? null : list.get(at);
  }
}
