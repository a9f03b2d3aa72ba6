package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Checks and converts the literal initial arguments of aggregate calls (e.g. TOPK's k). */
final class InitArguments {
  private InitArguments() {}

  static boolean fit(List<SqlType> parameters, boolean variadic, List<Object> values) {
    if (!countFits(parameters, variadic, values.size())) {
      return false;
    }
    for (int i = 0; i < values.size(); i++) {
      if (!fits(parameter(parameters, i), values.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether literals of these types could be the initial arguments (a null type fits any). */
  static boolean fitTypes(List<SqlType> parameters, boolean variadic, List<SqlType> types) {
    if (!countFits(parameters, variadic, types.size())) {
      return false;
    }
    for (int i = 0; i < types.size(); i++) {
      SqlType type = types.get(i);
      if (type != null && !fits(parameter(parameters, i), type)) {
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

  private static boolean countFits(List<SqlType> parameters, boolean variadic, int count) {
    return variadic ? count >= parameters.size() - 1 : count == parameters.size();
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

  private static boolean fits(SqlType parameter, SqlType type) {
    return switch (parameter.base()) {
      case INTEGER, BIGINT ->
          type.base() == SqlType.Base.INTEGER || type.base() == SqlType.Base.BIGINT;
      case BOOLEAN, STRING -> type.base() == parameter.base();
      case DOUBLE -> ImplicitCasts.isNumber(type);
      default -> false;
    };
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
