package dev.millrace.engine.function;

import dev.millrace.engine.expr.Comparisons;
import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Aggregates that collect values: COLLECT_LIST (every value, nulls too), COLLECT_SET (distinct
 * values), COUNT_DISTINCT (how many distinct non-null values) and HISTOGRAM (a count per distinct
 * non-null string). All but COLLECT_SET can undo, so they work on tables; a set cannot, as in
 * ksqlDB: it does not know whether another row still holds a value being taken out. As in ksqlDB,
 * COLLECT_LIST and COLLECT_SET keep at most {@link #LIMIT} values, or the {@code limit} setting
 * ({@code ksql.functions.collect_list.limit}, {@code ksql.functions.collect_set.limit}); later ones
 * are ignored.
 */
final class CollectAggregates {
  /** ksqlDB's default limit on the size of COLLECT_LIST and COLLECT_SET results. */
  static final int LIMIT = 1000;

  private CollectAggregates() {}

  /** The factory of COLLECT_LIST or COLLECT_SET: {@code make} takes the element type and limit. */
  static AggregatorFactory limited(BiFunction<SqlType, Integer, Aggregator> make) {
    return new AggregatorFactory() {
      public Aggregator create(List<SqlType> parameterTypes, List<Object> initArgs) {
        return make.apply(parameterTypes.get(0), LIMIT);
      }

      public Aggregator create(
          List<SqlType> parameterTypes, List<Object> initArgs, Map<String, String> settings) {
        return make.apply(parameterTypes.get(0), limit(settings.get("limit")));
      }
    };
  }

  private static int limit(String setting) {
    if (setting == null) {
      return LIMIT;
    }
    try {
      int limit = Integer.parseInt(setting.trim());
      if (limit >= 0) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new FunctionException(
        "The limit of a collection aggregate must be a whole number of at least 0, not '"
            + setting
            + "'");
  }

  static Aggregator collectList(SqlType element, int limit) {
    SqlType list = new SqlType.Array(element);
    return new TypedAggregator(list, list) {
      public Object initialize() {
        return new ArrayList<>();
      }

      public Object add(Object acc, Object[] args) {
        List<Object> out = mutable(acc);
        if (out.size() < limit) {
          out.add(args[0]);
        }
        return out;
      }

      public Object result(Object acc) {
        return copy(acc);
      }

      public boolean canUndo() {
        return true;
      }

      public Object undo(Object acc, Object[] args) {
        List<Object> out = mutable(acc);
        int at = indexOf(out, args[0], element);
        if (at >= 0) {
          out.remove(at);
        }
        return out;
      }

      public Object merge(Object left, Object right) {
        List<Object> out = mutable(left);
        for (Object e : (List<?>) right) {
          if (out.size() >= limit) {
            break;
          }
          out.add(e);
        }
        return out;
      }
    };
  }

  static Aggregator collectSet(SqlType element, int limit) {
    SqlType list = new SqlType.Array(element);
    return new TypedAggregator(list, list) {
      public Object initialize() {
        return new ArrayList<>();
      }

      public Object add(Object acc, Object[] args) {
        List<Object> out = mutable(acc);
        if (out.size() < limit && indexOf(out, args[0], element) < 0) {
          out.add(args[0]);
        }
        return out;
      }

      public Object result(Object acc) {
        return copy(acc);
      }

      public Object merge(Object left, Object right) {
        Object out = left;
        for (Object e : (List<?>) right) {
          out = add(out, new Object[] {e});
        }
        return out;
      }
    };
  }

  /**
   * COUNT_DISTINCT keeps a count per distinct value (so it can undo) and reports how many there
   * are.
   */
  static Aggregator countDistinct(SqlType element) {
    Aggregator counts = histogram(element);
    return new TypedAggregator(counts.accumulatorType(), SqlType.BIGINT) {
      public Object initialize() {
        return counts.initialize();
      }

      public Object add(Object acc, Object[] args) {
        return counts.add(acc, args);
      }

      public Object result(Object acc) {
        return (long) ((Map<?, ?>) acc).size();
      }

      public boolean canUndo() {
        return true;
      }

      public Object undo(Object acc, Object[] args) {
        return counts.undo(acc, args);
      }

      public Object merge(Object left, Object right) {
        return counts.merge(left, right);
      }
    };
  }

  /** A count per distinct non-null value; entries whose count falls to zero are removed. */
  static Aggregator histogram(SqlType element) {
    SqlType map = new SqlType.Map(element, SqlType.BIGINT);
    return new TypedAggregator(map, map) {
      public Object initialize() {
        return new LinkedHashMap<>();
      }

      public Object add(Object acc, Object[] args) {
        return adjust(acc, args[0], 1);
      }

      public Object result(Object acc) {
        return copy(acc);
      }

      public boolean canUndo() {
        return true;
      }

      public Object undo(Object acc, Object[] args) {
        return adjust(acc, args[0], -1);
      }

      public Object merge(Object left, Object right) {
        Object out = left;
        for (Map.Entry<?, ?> e : ((Map<?, ?>) right).entrySet()) {
          out = adjust(out, e.getKey(), (Long) e.getValue());
        }
        return out;
      }
    };
  }

  private static Map<Object, Object> adjust(Object acc, Object key, long delta) {
    Map<Object, Object> out =
        acc instanceof LinkedHashMap<?, ?> ? cast(acc) : new LinkedHashMap<>((Map<?, ?>) acc);
    if (key == null) {
      return out;
    }
    long count = (Long) out.getOrDefault(key, 0L) + delta;
    if (count <= 0) {
      out.remove(key);
    } else {
      out.put(key, count);
    }
    return out;
  }

  /** A copy of a list or map accumulator, so a result never changes when the accumulator does. */
  static Object copy(Object acc) {
    return acc instanceof Map<?, ?> map ? new LinkedHashMap<>(map) : new ArrayList<>((List<?>) acc);
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Object> cast(Object map) {
    return (Map<Object, Object>) map;
  }

  @SuppressWarnings("unchecked")
  static List<Object> mutable(Object acc) {
    return acc instanceof ArrayList<?> ? (List<Object>) acc : new ArrayList<>((List<?>) acc);
  }

  private static int indexOf(List<Object> list, Object value, SqlType type) {
    for (int i = 0; i < list.size(); i++) {
      Object e = list.get(i);
      if (e == null ? value == null : value != null && Comparisons.equal(type, e, value)) {
        return i;
      }
    }
    return -1;
  }
}
