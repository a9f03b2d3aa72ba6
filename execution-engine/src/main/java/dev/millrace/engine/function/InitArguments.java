package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Checks and converts the literal initial arguments of aggregate calls (e.g. TOPK's k). */
final class InitArguments {
  private InitArguments() {}

  static boolean fit(List<SqlType> parameters, boolean variadic, List<Object> values) {
    if (variadic ? values.size() < parameters.size() - 1 : parameters.size() != values.size()) {
      return false;
    }
    for (int i = 0; i < values.size(); i++) {
      if (!fits(parameter(parameters, i), values.get(i))) {
        return false;
      }
    }
    return true;
  }

  static List<Object> convert(List<SqlType> parameters, List<Object> values) {
    List<Object> converted = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      converted.add(
          switch (parameter(parameters, i).base()) {
            case INTEGER -> ((Number) value).intValue();
            case BIGINT -> ((Number) value).longValue();
            default -> value;
          });
    }
    return converted;
  }

  /** The parameter for value {@code index}; past the end, the last (variadic) one repeats. */
  private static SqlType parameter(List<SqlType> parameters, int index) {
    return parameters.get(Math.min(index, parameters.size() - 1));
  }

  static SqlType typeOf(Object value) {
    if (value instanceof Integer) {
      return SqlType.INTEGER;
    }
    if (value instanceof Long) {
      return SqlType.BIGINT;
    }
    if (value instanceof Boolean) {
      return SqlType.BOOLEAN;
    }
    if (value instanceof Double) {
      return SqlType.DOUBLE;
    }
    return value instanceof BigDecimal d
        ? new SqlType.Decimal(Math.max(1, d.precision()), Math.max(0, d.scale()))
        : SqlType.STRING;
  }

  private static boolean fits(SqlType parameter, Object value) {
    return switch (parameter.base()) {
      case INTEGER, BIGINT -> value instanceof Integer || value instanceof Long;
      case BOOLEAN -> value instanceof Boolean;
      case STRING -> value instanceof String;
      case DOUBLE -> value instanceof Number;
      default -> false;
    };
  }
}
