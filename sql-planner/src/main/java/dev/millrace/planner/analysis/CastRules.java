package dev.millrace.planner.analysis;

import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.SqlType.Base;

/** Which explicit CASTs ksqlDB accepts. */
final class CastRules {
  private CastRules() {}

  static boolean supported(SqlType from, SqlType to) {
    if (from.equals(to) || to.base() == SqlType.Base.STRING) {
      return true;
    }
    if (from instanceof SqlType.Array a && to instanceof SqlType.Array b) {
      return supported(a.element(), b.element());
    }
    if (from instanceof SqlType.Map a && to instanceof SqlType.Map b) {
      return supported(a.key(), b.key()) && supported(a.value(), b.value());
    }
    if (from instanceof SqlType.Struct a && to instanceof SqlType.Struct b) {
      return structs(a, b);
    }
    return scalar(from.base(), to.base());
  }

  private static boolean structs(SqlType.Struct from, SqlType.Struct to) {
    for (SqlType.Field field : to.fields()) {
      int index = from.indexOf(field.name());
      if (index >= 0 && !supported(from.fields().get(index).type(), field.type())) {
        return false;
      }
    }
    return true;
  }

  private static boolean scalar(Base from, Base to) {
    if (to == Base.STRING) {
      return true; // every value, ARRAY, MAP and STRUCT included, has a text form
    }
    if (isComplex(from) || isComplex(to)) {
      return false;
    }
    if (from == Base.STRING || to == Base.STRING) {
      return true;
    }
    if (isNumber(from) && isNumber(to)) {
      return true;
    }
    if (from == Base.TIMESTAMP) {
      return to == Base.DATE || to == Base.TIME;
    }
    return from == Base.DATE && to == Base.TIMESTAMP;
  }

  private static boolean isNumber(Base base) {
    return base == Base.INTEGER
        || base == Base.BIGINT
        || base == Base.DOUBLE
        || base == Base.DECIMAL;
  }

  private static boolean isComplex(Base base) {
    return base == Base.ARRAY || base == Base.MAP || base == Base.STRUCT;
  }
}
