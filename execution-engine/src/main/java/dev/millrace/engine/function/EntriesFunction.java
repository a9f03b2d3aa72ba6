package dev.millrace.engine.function;

import static dev.millrace.engine.function.Types.BOOLEAN;
import static dev.millrace.engine.function.Types.STRING;
import static dev.millrace.engine.function.Types.V;

import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ENTRIES(map, sorted): the entries of a map as an array of STRUCT&lt;K, V&gt;, optionally sorted
 * by key.
 */
final class EntriesFunction {
  private EntriesFunction() {}

  static void register(FunctionRegistry.Builder b) {
    Signature signature =
        Signature.of(STRING, TypePattern.mapOf(STRING, V), BOOLEAN)
            .returning(
                "ARRAY<STRUCT<K STRING, V V>>",
                (params, bindings) -> new SqlType.Array(entry(bindings.apply(V))));
    b.scalar(
            "ENTRIES",
            "The entries of a map as an array of structs with fields K and V, optionally sorted by key.")
        .addTyped(
            signature,
            true,
            (params, result) -> {
              SqlType.Struct entry = (SqlType.Struct) ((SqlType.Array) result).element();
              return a -> entries(entry, (Map<?, ?>) a[0], (Boolean) a[1]);
            });
  }

  private static SqlType.Struct entry(SqlType value) {
    return new SqlType.Struct(
        List.of(new SqlType.Field("K", SqlType.STRING), new SqlType.Field("V", value)));
  }

  private static List<Object> entries(SqlType.Struct type, Map<?, ?> map, boolean sorted) {
    List<Map.Entry<?, ?>> list = new ArrayList<>(map.entrySet());
    if (sorted) {
      list.sort((x, y) -> ((String) x.getKey()).compareTo((String) y.getKey()));
    }
    List<Object> out = new ArrayList<>();
    for (Map.Entry<?, ?> e : list) {
      out.add(new Struct(type, new Object[] {e.getKey(), e.getValue()}));
    }
    return out;
  }
}
