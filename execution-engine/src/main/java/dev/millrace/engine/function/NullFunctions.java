package dev.millrace.engine.function;

import static dev.millrace.engine.function.Types.T;
import static dev.millrace.engine.function.Types.sig;
import static dev.millrace.engine.function.Types.variadic;

import dev.millrace.engine.expr.Comparisons;

/** Functions about nulls: COALESCE, IFNULL, NULLIF. */
final class NullFunctions {
  private NullFunctions() {}

  static void register(FunctionRegistry.Builder b) {
    b.category("NULLS");
    b.scalar("COALESCE", "The first argument that is not null.")
        .addNullable(variadic(T, T, T), NullFunctions::firstNonNull);
    b.scalar("IFNULL", "The first argument, or the second when the first is null.")
        .addNullable(sig(T, T, T), a -> a[0] != null ? a[0] : a[1]);
    b.scalar("NULLIF", "Null when both arguments are equal, else the first.")
        .addTyped(
            sig(T, T, T),
            false,
            (params, result) ->
                a ->
                    a[0] != null && a[1] != null && Comparisons.equal(params.get(0), a[0], a[1])
                        ? null
                        : a[0]);
  }

  private static Object firstNonNull(Object[] a) {
    for (Object value : a) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
