package dev.millrace.engine.function;

import static dev.millrace.engine.function.Types.ARRAY_T;
import static dev.millrace.engine.function.Types.T;
import static dev.millrace.engine.function.Types.sig;

import java.util.ArrayList;
import java.util.List;

/** The built-in table functions: EXPLODE and CUBE_EXPLODE. */
final class TableFunctions {
  private TableFunctions() {}

  static void register(FunctionRegistry.Builder b) {
    b.category("TABLE");
    b.tableFunction("EXPLODE", "One row per element of an array.")
        .add(sig(T, ARRAY_T), a -> new ArrayList<>((List<?>) a[0]));
    b.tableFunction(
            "CUBE_EXPLODE",
            "One row per combination of the array's elements and nulls in their place.")
        .add(sig(ARRAY_T, ARRAY_T), a -> cube((List<?>) a[0]));
  }

  /** Every subset of positions kept, counting in binary with the first element as the high bit. */
  private static List<Object> cube(List<?> values) {
    int n = values.size();
    List<Object> rows = new ArrayList<>();
    for (int mask = 0; mask < 1 << n; mask++) {
      List<Object> row = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        row.add((mask & 1 << (n - 1 - i)) != 0 ? values.get(i) : null);
      }
      rows.add(row);
    }
    return rows;
  }
}
