package dev.millrace.engine.function;

import dev.millrace.engine.expr.Comparisons;
import dev.millrace.engine.types.SqlType;
import java.util.Comparator;

/**
 * GREATEST and LEAST: the largest or smallest non-null argument, for arguments of one comparable
 * type (numbers of different types widen to a common one).
 */
final class ComparisonFunctions {
  private static final TypePattern[] COMPARABLE = {
    Types.INT,
    Types.BIGINT,
    Types.DOUBLE,
    Types.ANY_DECIMAL,
    Types.STRING,
    Types.BYTES,
    Types.DATE,
    Types.TIME,
    Types.TIMESTAMP
  };

  private ComparisonFunctions() {}

  static void register(FunctionRegistry.Builder b) {
    b.category("COMPARISON");
    FunctionRegistry.ScalarBuilder greatest =
        b.scalar("GREATEST", "The largest non-null argument.");
    FunctionRegistry.ScalarBuilder least = b.scalar("LEAST", "The smallest non-null argument.");
    for (TypePattern type : COMPARABLE) {
      greatest.addTyped(Types.variadic(type, type, type), false, (p, r) -> pick(r, true));
      least.addTyped(Types.variadic(type, type, type), false, (p, r) -> pick(r, false));
    }
  }

  private static ScalarImplementation pick(SqlType type, boolean greatest) {
    Comparator<Object> order = Comparisons.comparator(type);
    return a -> {
      Object best = null;
      for (Object v : a) {
        if (v != null
            && (best == null
                || (order.compare(v, best) > 0) == greatest && order.compare(v, best) != 0)) {
          best = v;
        }
      }
      return best;
    };
  }
}
