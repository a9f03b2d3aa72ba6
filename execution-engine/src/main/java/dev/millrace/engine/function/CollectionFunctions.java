package dev.millrace.engine.function;

import static dev.millrace.engine.function.Types.ARRAY_STRING;
import static dev.millrace.engine.function.Types.ARRAY_T;
import static dev.millrace.engine.function.Types.BOOLEAN;
import static dev.millrace.engine.function.Types.INT;
import static dev.millrace.engine.function.Types.K;
import static dev.millrace.engine.function.Types.MAP_KV;
import static dev.millrace.engine.function.Types.STRING;
import static dev.millrace.engine.function.Types.T;
import static dev.millrace.engine.function.Types.V;
import static dev.millrace.engine.function.Types.sig;

import dev.millrace.engine.expr.Comparisons;
import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/** Functions over ARRAY and MAP values. Element equality is SQL equality (numbers by value). */
final class CollectionFunctions {
  private CollectionFunctions() {}

  static void register(FunctionRegistry.Builder b) {
    b.category("COLLECTIONS");
    b.scalar("ARRAY_LENGTH", "The number of elements in an array.")
        .add(sig(INT, ARRAY_T), a -> ((List<?>) a[0]).size());
    b.scalar("ARRAY_CONTAINS", "Whether an array contains a value.")
        .addTyped(
            sig(BOOLEAN, ARRAY_T, T),
            false,
            (p, r) -> {
              BiPredicate<Object, Object> same = equality(p.get(1));
              return a ->
                  a[0] == null ? null : ((List<?>) a[0]).stream().anyMatch(e -> same.test(e, a[1]));
            });
    b.scalar("ARRAY_DISTINCT", "The distinct elements of an array, in order of first occurrence.")
        .addTyped(
            sig(ARRAY_T, ARRAY_T),
            true,
            (p, r) -> {
              BiPredicate<Object, Object> same = equality(element(p.get(0)));
              return a -> distinct((List<?>) a[0], same);
            });
    b.scalar("ARRAY_MAX", "The largest non-null element of an array.")
        .addTyped(
            sig(T, ARRAY_T),
            true,
            (p, r) -> {
              Comparator<Object> order = order(element(p.get(0)));
              return a -> extreme((List<?>) a[0], order.reversed());
            });
    b.scalar("ARRAY_MIN", "The smallest non-null element of an array.")
        .addTyped(
            sig(T, ARRAY_T),
            true,
            (p, r) -> {
              Comparator<Object> order = order(element(p.get(0)));
              return a -> extreme((List<?>) a[0], order);
            });
    b.scalar("ARRAY_SORT", "The elements of an array sorted ascending (or 'DESC'), nulls last.")
        .addTyped(sig(ARRAY_T, ARRAY_T), true, (p, r) -> sort(element(p.get(0)), false))
        .addTyped(
            sig(ARRAY_T, ARRAY_T, STRING),
            true,
            (p, r) -> {
              var asc = sort(element(p.get(0)), false);
              var desc = sort(element(p.get(0)), true);
              return a -> ((String) a[1]).equalsIgnoreCase("DESC") ? desc.apply(a) : asc.apply(a);
            });
    b.scalar("ARRAY_REMOVE", "The array without the elements equal to a value.")
        .addTyped(
            sig(ARRAY_T, ARRAY_T, T),
            false,
            (p, r) -> {
              BiPredicate<Object, Object> same = equality(p.get(1));
              return a ->
                  a[0] == null
                      ? null
                      : ((List<?>) a[0])
                          .stream()
                              .filter(e -> !same.test(e, a[1]))
                              .collect(ArrayList::new, List::add, List::addAll);
            });
    b.scalar("ARRAY_EXCEPT", "The distinct elements of an array that are not in a second array.")
        .addTyped(
            sig(ARRAY_T, ARRAY_T, ARRAY_T),
            true,
            (p, r) -> {
              BiPredicate<Object, Object> same = equality(element(p.get(0)));
              return a -> distinct(filter((List<?>) a[0], (List<?>) a[1], same, false), same);
            });
    b.scalar(
            "ARRAY_INTERSECT", "The distinct elements of an array that are also in a second array.")
        .addTyped(
            sig(ARRAY_T, ARRAY_T, ARRAY_T),
            true,
            (p, r) -> {
              BiPredicate<Object, Object> same = equality(element(p.get(0)));
              return a -> distinct(filter((List<?>) a[0], (List<?>) a[1], same, true), same);
            });
    b.scalar("ARRAY_UNION", "The distinct elements of both arrays, in order of occurrence.")
        .addTyped(
            sig(ARRAY_T, ARRAY_T, ARRAY_T),
            true,
            (p, r) -> {
              BiPredicate<Object, Object> same = equality(element(p.get(0)));
              return a -> distinct(concat((List<?>) a[0], (List<?>) a[1]), same);
            });
    b.scalar("ARRAY_CONCAT", "Both arrays one after the other; a null array counts as absent.")
        .addNullable(
            sig(ARRAY_T, ARRAY_T, ARRAY_T),
            a -> a[0] == null && a[1] == null ? null : concat((List<?>) a[0], (List<?>) a[1]));
    b.scalar("ARRAY_JOIN", "The elements of an array as text, joined by a delimiter (default ',').")
        .add(sig(STRING, ARRAY_T), a -> join((List<?>) a[0], ","))
        .addNullable(
            sig(STRING, ARRAY_T, STRING),
            a -> a[0] == null ? null : join((List<?>) a[0], (String) a[1]));
    b.scalar("SLICE", "The elements of an array from one 1-based position to another, inclusive.")
        .add(
            sig(ARRAY_T, ARRAY_T, INT, INT),
            a -> slice((List<?>) a[0], (Integer) a[1], (Integer) a[2]));
    b.scalar("ELT", "The n-th (1-based) of the following strings, or null when out of range.")
        .addNullable(Types.variadic(STRING, INT, STRING), CollectionFunctions::elt);
    b.scalar("FIELD", "The 1-based position of a string among the following strings, or 0.")
        .addNullable(Types.variadic(INT, STRING, STRING), CollectionFunctions::field);
    b.scalar("MAP_KEYS", "The keys of a map, as an array.")
        .add(
            sig(TypePattern.arrayOf(K), MAP_KV), a -> new ArrayList<>(((Map<?, ?>) a[0]).keySet()));
    b.scalar("MAP_VALUES", "The values of a map, as an array.")
        .add(
            sig(TypePattern.arrayOf(V), MAP_KV), a -> new ArrayList<>(((Map<?, ?>) a[0]).values()));
    b.scalar("MAP_UNION", "The entries of both maps; the second map's value wins for a shared key.")
        .addNullable(sig(MAP_KV, MAP_KV, MAP_KV), CollectionFunctions::mapUnion);
    b.scalar("AS_MAP", "A map from an array of keys and an array of values.")
        .add(
            sig(TypePattern.mapOf(STRING, V), ARRAY_STRING, TypePattern.arrayOf(V)),
            a -> asMap((List<?>) a[0], (List<?>) a[1]));
    EntriesFunction.register(b);
    SeriesFunction.register(b);
  }

  static SqlType element(SqlType array) {
    return ((SqlType.Array) array).element();
  }

  private static BiPredicate<Object, Object> equality(SqlType type) {
    return (x, y) -> x == null || y == null ? x == y : Comparisons.equal(type, x, y);
  }

  private static Comparator<Object> order(SqlType type) {
    if (!Comparisons.isOrderable(type)) {
      throw new FunctionException("Elements of " + type.toSql() + " cannot be ordered");
    }
    return Comparisons.comparator(type);
  }

  private static Object extreme(List<?> list, Comparator<Object> order) {
    Object best = null;
    for (Object e : list) {
      if (e != null && (best == null || order.compare(e, best) < 0)) {
        best = e;
      }
    }
    return best;
  }

  private static ScalarImplementation sort(SqlType element, boolean descending) {
    Comparator<Object> order = descending ? order(element).reversed() : order(element);
    Comparator<Object> nullsLast = Comparator.nullsLast(order);
    return a -> {
      List<Object> copy = new ArrayList<>((List<?>) a[0]);
      copy.sort(nullsLast);
      return copy;
    };
  }

  private static List<Object> distinct(List<?> list, BiPredicate<Object, Object> same) {
    List<Object> out = new ArrayList<>();
    for (Object e : list) {
      if (out.stream().noneMatch(o -> same.test(o, e))) {
        out.add(e);
      }
    }
    return out;
  }

  private static List<Object> filter(
      List<?> list, List<?> other, BiPredicate<Object, Object> same, boolean keep) {
    List<Object> out = new ArrayList<>();
    for (Object e : list) {
      if (other.stream().anyMatch(o -> same.test(o, e)) == keep) {
        out.add(e);
      }
    }
    return out;
  }

  private static List<Object> concat(List<?> a, List<?> b) {
    List<Object> out = new ArrayList<>();
    if (a != null) {
      out.addAll(a);
    }
    if (b != null) {
      out.addAll(b);
    }
    return out;
  }

  private static String join(List<?> list, String delimiter) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < list.size(); i++) {
      if (i > 0 && delimiter != null) {
        out.append(delimiter);
      }
      Object e = list.get(i);
      out.append(e instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(e));
    }
    return out.toString();
  }

  private static List<Object> slice(List<?> list, int from, int to) {
    int start = Math.max(0, from - 1);
    int end = Math.min(list.size(), to);
    return start >= end ? new ArrayList<>() : new ArrayList<>(list.subList(start, end));
  }

  private static Object elt(Object[] a) {
    if (a[0] == null) {
      return null;
    }
    int n = (Integer) a[0];
    return n < 1 || n >= a.length ? null : a[n];
  }

  private static Object field(Object[] a) {
    if (a[0] == null) {
      return 0;
    }
    for (int i = 1; i < a.length; i++) {
      if (a[0].equals(a[i])) {
        return i;
      }
    }
    return 0;
  }

  private static Object mapUnion(Object[] a) {
    if (a[0] == null && a[1] == null) {
      return null;
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Object m : a) {
      if (m != null) {
        out.putAll((Map<?, ?>) m);
      }
    }
    return out;
  }

  private static Object asMap(List<?> keys, List<?> values) {
    Map<Object, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
      out.put(keys.get(i), values.get(i));
    }
    return out;
  }
}
