package dev.millrace.engine.function;

import dev.millrace.engine.expr.Comparisons;
import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * TOPK and TOPKDISTINCT: the k largest non-null values, largest first. TOPK with extra columns
 * returns structs of the sort value ({@code sort_col}) and the other columns ({@code col0}...),
 * ordered by the sort value.
 */
final class TopKAggregates {
  private TopKAggregates() {}

  static Aggregator topK(SqlType type, int k, boolean distinct) {
    return list(
        type, new SqlType.Array(type), k, distinct, Comparisons.comparator(type), args -> args[0]);
  }

  /** TOPK over a sort column and the other columns carried along. */
  static Aggregator topKWithColumns(List<SqlType> types, int k) {
    List<SqlType.Field> fields = new ArrayList<>();
    fields.add(new SqlType.Field("sort_col", types.get(0)));
    for (int i = 1; i < types.size(); i++) {
      fields.add(new SqlType.Field("col" + (i - 1), types.get(i)));
    }
    SqlType.Struct row = new SqlType.Struct(fields);
    Comparator<Object> bySort = Comparisons.comparator(types.get(0));
    Comparator<Object> order = (a, b) -> bySort.compare(((Struct) a).get(0), ((Struct) b).get(0));
    return list(
        row,
        new SqlType.Array(row),
        k,
        false,
        order,
        args -> args[0] == null ? null : new Struct(row, args.clone()));
  }

  private interface Value {
    Object of(Object[] args);
  }

  private static Aggregator list(
      SqlType element,
      SqlType listType,
      int k,
      boolean distinct,
      Comparator<Object> order,
      Value value) {
    if (k <= 0) {
      throw new FunctionException("TOPK needs a positive k, not " + k);
    }
    Comparator<Object> descending = order.reversed();
    return new TypedAggregator(listType, listType) {
      public Object initialize() {
        return new ArrayList<>();
      }

      public Object add(Object acc, Object[] args) {
        Object v = value.of(args);
        return v == null ? acc : insert(CollectAggregates.mutable(acc), v);
      }

      public Object result(Object acc) {
        return CollectAggregates.copy(acc);
      }

      public Object merge(Object left, Object right) {
        List<Object> out = CollectAggregates.mutable(left);
        for (Object v : (List<?>) right) {
          out = insert(out, v);
        }
        return out;
      }

      private List<Object> insert(List<Object> list, Object v) {
        if (distinct && list.stream().anyMatch(e -> order.compare(e, v) == 0)) {
          return list;
        }
        int at = 0;
        while (at < list.size() && descending.compare(list.get(at), v) <= 0) {
          at++;
        }
        if (at < k) {
          list.add(at, v);
          if (list.size() > k) {
            list.remove(list.size() - 1);
          }
        }
        return list;
      }
    };
  }
}
