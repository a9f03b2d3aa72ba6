package dev.millrace.engine.function;

import dev.millrace.engine.expr.Comparisons;
import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.util.ArrayList;
import java.util.List;

/**
 * ATTR: the value when every row had the same value (null counts as a value), else null. It keeps a
 * count per distinct value, so it can undo and merge.
 */
final class AttrAggregate {
  private AttrAggregate() {}

  static Aggregator of(SqlType type) {
    SqlType.Struct entry =
        new SqlType.Struct(
            List.of(new SqlType.Field("VAL", type), new SqlType.Field("COUNT", SqlType.BIGINT)));
    return new TypedAggregator(new SqlType.Array(entry), type) {
      public Object initialize() {
        return new ArrayList<>();
      }

      public Object add(Object acc, Object[] args) {
        return adjust(acc, args[0], 1);
      }

      public Object result(Object acc) {
        List<?> entries = (List<?>) acc;
        return entries.size() == 1 ? ((Struct) entries.get(0)).get(0) : null;
      }

      public boolean canUndo() {
        return true;
      }

      public Object undo(Object acc, Object[] args) {
        return adjust(acc, args[0], -1);
      }

      public Object merge(Object left, Object right) {
        Object out = left;
        for (Object e : (List<?>) right) {
          out = adjust(out, ((Struct) e).get(0), (Long) ((Struct) e).get(1));
        }
        return out;
      }

      private Object adjust(Object acc, Object value, long delta) {
        List<Object> entries = CollectAggregates.mutable(acc);
        for (int i = 0; i < entries.size(); i++) {
          Struct e = (Struct) entries.get(i);
          if (e.get(0) == null
              ? value == null
              : value != null && Comparisons.equal(type, e.get(0), value)) {
            long count = (Long) e.get(1) + delta;
            if (count <= 0) {
              entries.remove(i);
            } else {
              entries.set(i, new Struct(entry, new Object[] {value, count}));
            }
            return entries;
          }
        }
        if (delta > 0) {
          entries.add(new Struct(entry, new Object[] {value, delta}));
        }
        return entries;
      }
    };
  }
}
