package dev.millrace.engine.expr;

import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ordering and equality of non-null values by SQL type, chosen once per type. Primitive types order
 * naturally (DECIMALs by value whatever their scale); ARRAY, MAP and STRUCT values can be tested
 * for equality but not ordered, as in ksqlDB.
 */
public final class Comparisons {
  private Comparisons() {}

  /** Whether values of the type can be ordered (<, >, BETWEEN, MIN/MAX...). */
  public static boolean isOrderable(SqlType type) {
    return switch (type.base()) {
      case ARRAY, MAP, STRUCT -> false;
      default -> true;
    };
  }

  /** The ordering of non-null values of an orderable type. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Comparator<Object> comparator(SqlType type) {
    if (!isOrderable(type)) {
      throw new IllegalArgumentException("values of " + type.toSql() + " cannot be ordered");
    }
    return (a, b) -> ((Comparable) a).compareTo(b);
  }

  /** Equality of non-null values of one type; numbers compare by value (0.0 equals -0.0). */
  public static boolean equal(SqlType type, Object a, Object b) {
    return switch (type.base()) {
      case DOUBLE -> ((Double) a).doubleValue() == ((Double) b).doubleValue();
      case DECIMAL -> ((BigDecimal) a).compareTo((BigDecimal) b) == 0;
      case ARRAY, MAP, STRUCT -> deepEqual(a, b);
      default -> a.equals(b);
    };
  }

  /**
   * Equality of non-null values that may be of different types (an ARRAY&lt;INTEGER&gt; and an
   * ARRAY&lt;DOUBLE&gt;, a STRUCT with the same field names): numbers by value, collections
   * element-wise, structs field by field.
   */
  public static boolean deepEqual(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return numbersEqual(x, y);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      return listsEqual(x, y);
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      return mapsEqual(x, y);
    }
    if (a instanceof Struct x && b instanceof Struct y) {
      return structsEqual(x, y);
    }
    return a.equals(b);
  }

  /** The comparator of two numbers of possibly different classes, by value. */
  public static int compareNumbers(Number a, Number b) {
    if (a instanceof Double || b instanceof Double) {
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
    return toBigDecimal(a).compareTo(toBigDecimal(b));
  }

  private static boolean numbersEqual(Number a, Number b) {
    if (a instanceof Double || b instanceof Double) {
      return a.doubleValue() == b.doubleValue();
    }
    return toBigDecimal(a).compareTo(toBigDecimal(b)) == 0;
  }

  private static BigDecimal toBigDecimal(Number n) {
    return n instanceof BigDecimal d ? d : BigDecimal.valueOf(n.longValue());
  }

  private static boolean listsEqual(List<?> a, List<?> b) {
    if (a.size() != b.size()) {
      return false;
    }
    Iterator<?> i = a.iterator();
    Iterator<?> j = b.iterator();
    while (i.hasNext()) {
      if (!deepEqual(i.next(), j.next())) {
        return false;
      }
    }
    return true;
  }

  private static boolean mapsEqual(Map<?, ?> a, Map<?, ?> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<?, ?> e : a.entrySet()) {
      Optional<?> key = b.keySet().stream().filter(k -> deepEqual(k, e.getKey())).findFirst();
      if (key.isEmpty() || !deepEqual(e.getValue(), b.get(key.get()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean structsEqual(Struct a, Struct b) {
    List<SqlType.Field> fields = a.type().fields();
    if (fields.size() != b.type().fields().size()) {
      return false;
    }
    for (int i = 0; i < fields.size(); i++) {
      int j = b.type().indexOf(fields.get(i).name());
      if (j < 0 || !deepEqual(a.get(i), b.get(j))) {
        return false;
      }
    }
    return true;
  }
}
