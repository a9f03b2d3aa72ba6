package dev.millrace.engine.function;

import dev.millrace.engine.expr.Comparisons;
import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.util.Comparator;
import java.util.List;

/** COUNT, SUM, MIN, MAX and AVG: the aggregates every GROUP BY needs. Nulls are ignored. */
final class BasicAggregates {
  private static final SqlType.Struct AVERAGE_STATE =
      new SqlType.Struct(
          List.of(
              new SqlType.Field("SUM", SqlType.DOUBLE),
              new SqlType.Field("COUNT", SqlType.BIGINT)));

  private BasicAggregates() {}

  /** COUNT(*) (no arguments) counts rows; COUNT(x) counts rows where x is not null. */
  static Aggregator count(boolean star) {
    return new Aggregator() {
      public SqlType accumulatorType() {
        return SqlType.BIGINT;
      }

      public SqlType returnType() {
        return SqlType.BIGINT;
      }

      public Object initialize() {
        return 0L;
      }

      public Object add(Object acc, Object[] args) {
        return star || args[0] != null ? (Long) acc + 1 : acc;
      }

      public Object result(Object acc) {
        return acc;
      }

      public boolean canUndo() {
        return true;
      }

      public Object undo(Object acc, Object[] args) {
        return star || args[0] != null ? (Long) acc - 1 : acc;
      }

      public Object merge(Object left, Object right) {
        return (Long) left + (Long) right;
      }
    };
  }

  /** SUM in the argument's own type, starting at zero. */
  static Aggregator sum(SqlType type) {
    NumberOps ops = NumberOps.of(type);
    return new Aggregator() {
      public SqlType accumulatorType() {
        return type;
      }

      public SqlType returnType() {
        return type;
      }

      public Object initialize() {
        return ops.zero();
      }

      public Object add(Object acc, Object[] args) {
        return args[0] == null ? acc : ops.add(acc, args[0]);
      }

      public Object result(Object acc) {
        return acc;
      }

      public boolean canUndo() {
        return true;
      }

      public Object undo(Object acc, Object[] args) {
        return args[0] == null ? acc : ops.subtract(acc, args[0]);
      }

      public Object merge(Object left, Object right) {
        return ops.add(left, right);
      }
    };
  }

  /** SUM_LIST: the sum of the non-null elements of every array, in the element type. */
  static Aggregator sumList(SqlType element) {
    Aggregator sum = sum(element);
    return new Aggregator() {
      public SqlType accumulatorType() {
        return element;
      }

      public SqlType returnType() {
        return element;
      }

      public Object initialize() {
        return sum.initialize();
      }

      public Object add(Object acc, Object[] args) {
        return fold(acc, args[0], true);
      }

      public Object result(Object acc) {
        return acc;
      }

      public boolean canUndo() {
        return true;
      }

      public Object undo(Object acc, Object[] args) {
        return fold(acc, args[0], false);
      }

      public Object merge(Object left, Object right) {
        return sum.merge(left, right);
      }

      private Object fold(Object acc, Object list, boolean adding) {
        Object out = acc;
        if (list != null) {
          for (Object e : (List<?>) list) {
            out = adding ? sum.add(out, new Object[] {e}) : sum.undo(out, new Object[] {e});
          }
        }
        return out;
      }
    };
  }

  /** MIN (sign 1) or MAX (sign -1) of an orderable type; null until a non-null value arrives. */
  static Aggregator extreme(SqlType type, boolean max) {
    Comparator<Object> order = Comparisons.comparator(type);
    return new Aggregator() {
      public SqlType accumulatorType() {
        return type;
      }

      public SqlType returnType() {
        return type;
      }

      public Object initialize() {
        return null;
      }

      public Object add(Object acc, Object[] args) {
        return pick(acc, args[0]);
      }

      public Object result(Object acc) {
        return acc;
      }

      public Object merge(Object left, Object right) {
        return pick(left, right);
      }

      private Object pick(Object a, Object b) {
        if (a == null || b == null) {
          return a == null ? b : a;
        }
        int c = order.compare(a, b);
        return (max ? c >= 0 : c <= 0) ? a : b;
      }
    };
  }

  /** AVG as a DOUBLE, from a running sum and count; null before any non-null value. */
  static Aggregator average(SqlType type) {
    NumberOps ops = NumberOps.of(type);
    return new Aggregator() {
      public SqlType accumulatorType() {
        return AVERAGE_STATE;
      }

      public SqlType returnType() {
        return SqlType.DOUBLE;
      }

      public Object initialize() {
        return state(0.0, 0L);
      }

      public Object add(Object acc, Object[] args) {
        return args[0] == null ? acc : state(sum(acc) + ops.toDouble(args[0]), count(acc) + 1);
      }

      public Object result(Object acc) {
        return count(acc) == 0 ? null : sum(acc) / count(acc);
      }

      public boolean canUndo() {
        return true;
      }

      public Object undo(Object acc, Object[] args) {
        return args[0] == null ? acc : state(sum(acc) - ops.toDouble(args[0]), count(acc) - 1);
      }

      public Object merge(Object left, Object right) {
        return state(sum(left) + sum(right), count(left) + count(right));
      }
    };
  }

  private static Struct state(double sum, long count) {
    return new Struct(AVERAGE_STATE, new Object[] {sum, count});
  }

  private static double sum(Object acc) {
    return (Double) ((Struct) acc).get(0);
  }

  private static long count(Object acc) {
    return (Long) ((Struct) acc).get(1);
  }
}
