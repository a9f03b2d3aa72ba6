package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * EARLIEST_BY_OFFSET and LATEST_BY_OFFSET: the first or last value received (or the first or last
 * n), optionally ignoring nulls. Each value is stored with an arrival sequence number so that
 * merging two session windows keeps the right one.
 */
final class OffsetAggregates {
  /**
   * Arrival order across all aggregates; seeded from the clock so it keeps rising across restarts.
   */
  private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() * 1000);

  private OffsetAggregates() {}

  static SqlType.Struct entryType(SqlType value) {
    return new SqlType.Struct(
        List.of(new SqlType.Field("SEQ", SqlType.BIGINT), new SqlType.Field("VAL", value)));
  }

  /** The single earliest (latest = false) or latest value. */
  static Aggregator single(SqlType value, boolean latest, boolean ignoreNulls) {
    SqlType.Struct entry = entryType(value);
    return new TypedAggregator(entry, value) {
      public Object initialize() {
        return null;
      }

      public Object add(Object acc, Object[] args) {
        if (args[0] == null && ignoreNulls || acc != null && !latest) {
          return acc;
        }
        return new Struct(entry, new Object[] {SEQUENCE.incrementAndGet(), args[0]});
      }

      public Object result(Object acc) {
        return acc == null ? null : ((Struct) acc).get(1);
      }

      public Object merge(Object left, Object right) {
        if (left == null || right == null) {
          return left == null ? right : left;
        }
        boolean rightIsLater = seq(right) > seq(left);
        return rightIsLater == latest ? right : left;
      }
    };
  }

  /** The n earliest or latest values, oldest first. */
  static Aggregator several(SqlType value, boolean latest, int n, boolean ignoreNulls) {
    if (n <= 0) {
      throw new FunctionException("The number of values to keep must be positive, not " + n);
    }
    SqlType.Struct entry = entryType(value);
    return new TypedAggregator(new SqlType.Array(entry), new SqlType.Array(value)) {
      public Object initialize() {
        return new ArrayList<>();
      }

      public Object add(Object acc, Object[] args) {
        List<Object> out = CollectAggregates.mutable(acc);
        if (args[0] == null && ignoreNulls || !latest && out.size() >= n) {
          return out;
        }
        out.add(new Struct(entry, new Object[] {SEQUENCE.incrementAndGet(), args[0]}));
        return latest && out.size() > n
            ? new ArrayList<>(out.subList(out.size() - n, out.size()))
            : out;
      }

      public Object result(Object acc) {
        List<Object> values = new ArrayList<>();
        for (Object e : (List<?>) acc) {
          values.add(((Struct) e).get(1));
        }
        return values;
      }

      public Object merge(Object left, Object right) {
        List<Object> all = CollectAggregates.mutable(left);
        all.addAll((List<?>) right);
        all.sort(Comparator.comparingLong(OffsetAggregates::seq));
        return latest
            ? new ArrayList<>(all.subList(Math.max(0, all.size() - n), all.size()))
            : new ArrayList<>(all.subList(0, Math.min(n, all.size())));
      }
    };
  }

  private static long seq(Object entry) {
    return (Long) ((Struct) entry).get(0);
  }
}
