package dev.millrace.engine.function;

import dev.millrace.engine.expr.Casts;
import dev.millrace.engine.types.SqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helper: resolves and calls a built-in scalar function on argument values of given types. */
final class Calls {
  private static final FunctionRegistry REGISTRY = FunctionRegistry.builtIns();

  private Calls() {}

  /**
   * Calls a function, inferring each argument's type from its Java class (null is an untyped NULL).
   */
  static Object call(String name, Object... args) {
    List<SqlType> types = new ArrayList<>();
    for (Object arg : args) {
      types.add(typeOf(arg));
    }
    return callTyped(name, types, args);
  }

  static Object callTyped(String name, List<SqlType> types, Object... args) {
    ResolvedScalar function = REGISTRY.resolveScalar(name, types);
    if (function.nullOnNullInput() && Arrays.stream(args).anyMatch(a -> a == null)) {
      return null;
    }
    Object[] converted = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      SqlType from = types.get(i);
      converted[i] =
          from == null
              ? args[i]
              : Casts.converter(from, function.parameterTypes().get(i)).convertNullable(args[i]);
    }
    return function.instantiate().apply(converted);
  }

  static SqlType typeOf(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Integer) {
      return SqlType.INTEGER;
    }
    if (value instanceof Long) {
      return SqlType.BIGINT;
    }
    if (value instanceof Double) {
      return SqlType.DOUBLE;
    }
    if (value instanceof Boolean) {
      return SqlType.BOOLEAN;
    }
    if (value instanceof BigDecimal d) {
      return new SqlType.Decimal(Math.max(d.precision(), d.scale() + 1), d.scale());
    }
    if (value instanceof List<?> list) {
      return new SqlType.Array(
          list.stream()
              .filter(e -> e != null)
              .findFirst()
              .map(Calls::typeOf)
              .orElse(SqlType.STRING));
    }
    if (value instanceof java.util.Map<?, ?> map) {
      var first = map.entrySet().iterator().next();
      return new SqlType.Map(typeOf(first.getKey()), typeOf(first.getValue()));
    }
    return SqlType.STRING;
  }
}
