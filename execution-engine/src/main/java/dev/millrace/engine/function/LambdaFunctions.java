package dev.millrace.engine.function;

import static dev.millrace.engine.function.Types.ARRAY_T;
import static dev.millrace.engine.function.Types.BOOLEAN;
import static dev.millrace.engine.function.Types.K;
import static dev.millrace.engine.function.Types.MAP_KV;
import static dev.millrace.engine.function.Types.S;
import static dev.millrace.engine.function.Types.T;
import static dev.millrace.engine.function.Types.U;
import static dev.millrace.engine.function.Types.V;
import static dev.millrace.engine.function.Types.lambda;
import static dev.millrace.engine.function.Types.sig;

import dev.millrace.engine.expr.EvaluationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The higher-order functions TRANSFORM, FILTER and REDUCE over arrays and maps. REDUCE of a null
 * collection is its initial state, and of a null state null; TRANSFORM of a map fails (so gives
 * null) when two entries get the same key.
 */
final class LambdaFunctions {
  private static final TypePattern W = TypePattern.var("W");

  private LambdaFunctions() {}

  static void register(FunctionRegistry.Builder b) {
    b.category("LAMBDA");
    b.scalar(
            "TRANSFORM",
            "Applies a lambda to each array element, or lambdas to each map key and value.")
        .add(
            sig(TypePattern.arrayOf(U), ARRAY_T, lambda(U, T)),
            a -> transform((List<?>) a[0], (LambdaValue) a[1]))
        .add(
            sig(TypePattern.mapOf(U, W), MAP_KV, lambda(U, K, V), lambda(W, K, V)),
            a -> transform((Map<?, ?>) a[0], (LambdaValue) a[1], (LambdaValue) a[2]));
    b.scalar("FILTER", "The array elements, or map entries, for which a lambda is true.")
        .add(
            sig(ARRAY_T, ARRAY_T, lambda(BOOLEAN, T)),
            a -> filter((List<?>) a[0], (LambdaValue) a[1]))
        .add(
            sig(MAP_KV, MAP_KV, lambda(BOOLEAN, K, V)),
            a -> filter((Map<?, ?>) a[0], (LambdaValue) a[1]));
    b.scalar("REDUCE", "Folds an array's elements, or a map's entries, into a state with a lambda.")
        .addNullable(
            sig(S, ARRAY_T, S, lambda(S, S, T)),
            a ->
                a[1] == null
                    ? null
                    : a[0] == null ? a[1] : reduce((List<?>) a[0], a[1], (LambdaValue) a[2]))
        .addNullable(
            sig(S, MAP_KV, S, lambda(S, S, K, V)),
            a ->
                a[1] == null
                    ? null
                    : a[0] == null ? a[1] : reduce((Map<?, ?>) a[0], a[1], (LambdaValue) a[2]));
  }

  private static List<Object> transform(List<?> list, LambdaValue f) {
    List<Object> out = new ArrayList<>(list.size());
    for (Object e : list) {
      out.add(f.call(e));
    }
    return out;
  }

  private static Map<Object, Object> transform(Map<?, ?> map, LambdaValue key, LambdaValue value) {
    Map<Object, Object> out = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          Object newKey = key.call(k, v);
          if (out.containsKey(newKey)) {
            throw new EvaluationException("TRANSFORM made the key " + newKey + " twice");
          }
          out.put(newKey, value.call(k, v));
        });
    return out;
  }

  private static List<Object> filter(List<?> list, LambdaValue test) {
    List<Object> out = new ArrayList<>();
    for (Object e : list) {
      if (Boolean.TRUE.equals(test.call(e))) {
        out.add(e);
      }
    }
    return out;
  }

  private static Map<Object, Object> filter(Map<?, ?> map, LambdaValue test) {
    Map<Object, Object> out = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (Boolean.TRUE.equals(test.call(k, v))) {
            out.put(k, v);
          }
        });
    return out;
  }

  private static Object reduce(List<?> list, Object state, LambdaValue f) {
    Object s = state;
    for (Object e : list) {
      s = f.call(s, e);
    }
    return s;
  }

  private static Object reduce(Map<?, ?> map, Object state, LambdaValue f) {
    Object s = state;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      s = f.call(s, e.getKey(), e.getValue());
    }
    return s;
  }
}
