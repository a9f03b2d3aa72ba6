package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.SqlType.Base;
import java.util.Optional;

/**
 * The conversions SQL applies without an explicit CAST, as ksqlDB does: numbers widen along INTEGER
 * -> BIGINT -> DECIMAL -> DOUBLE, and a DECIMAL widens to a DECIMAL that holds all its values. Used
 * by overload resolution and for the common type of CASE arms, IN lists and generics.
 */
public final class ImplicitCasts {
  /** The DECIMAL that holds every INTEGER. */
  public static final SqlType.Decimal INTEGER_AS_DECIMAL = new SqlType.Decimal(10, 0);

  /** The DECIMAL that holds every BIGINT. */
  public static final SqlType.Decimal BIGINT_AS_DECIMAL = new SqlType.Decimal(19, 0);

  private static final int MAX_PRECISION = 38;
  private static final int TEXT_TO_TEMPORAL = 20;

  private ImplicitCasts() {}

  /**
   * How far {@code from} must widen to become {@code to}: 0 when equal, a positive distance when
   * SQL widens it implicitly, -1 when it does not.
   */
  public static int cost(SqlType from, SqlType to) {
    if (from.equals(to)) {
      return 0;
    }
    int fromRank = rank(from);
    int toRank = rank(to);
    if (fromRank < 0 || toRank < 0) {
      return -1;
    }
    // Each step up the number ladder costs 2, so a DECIMAL widening to a wider DECIMAL (1) is
    // preferred over the same DECIMAL becoming a DOUBLE.
    if (from instanceof SqlType.Decimal a && to instanceof SqlType.Decimal b) {
      return holds(b, a) ? 1 : -1;
    }
    if (to instanceof SqlType.Decimal d && fromRank < rank(d)) {
      return holds(d, asDecimal(from)) ? 2 * (toRank - fromRank) : -1;
    }
    return fromRank < toRank ? 2 * (toRank - fromRank) : -1;
  }

  /**
   * The cost of passing an argument of type {@code from} to a function parameter of type {@code
   * to}: as {@link #cost}, and also ISO text for a DATE, TIME or TIMESTAMP parameter (ksqlDB reads
   * such text as the temporal value), at a cost above any numeric widening.
   */
  public static int argumentCost(SqlType from, SqlType to) {
    int cost = cost(from, to);
    if (cost < 0
        && from.base() == Base.STRING
        && (to.base() == Base.DATE || to.base() == Base.TIME || to.base() == Base.TIMESTAMP)) {
      return TEXT_TO_TEMPORAL;
    }
    return cost;
  }

  /** Whether {@code from} converts to {@code to} without a CAST. */
  public static boolean widensTo(SqlType from, SqlType to) {
    return cost(from, to) >= 0;
  }

  /**
   * The narrowest type both widen to, if any: equal types give themselves, numbers the wider of the
   * two (two DECIMALs a DECIMAL holding both), ARRAYs and MAPs element-wise.
   */
  public static Optional<SqlType> commonType(SqlType a, SqlType b) {
    if (a.equals(b)) {
      return Optional.of(a);
    }
    if (a instanceof SqlType.Array x && b instanceof SqlType.Array y) {
      return commonType(x.element(), y.element()).map(SqlType.Array::new);
    }
    if (a instanceof SqlType.Map x && b instanceof SqlType.Map y) {
      return commonType(x.key(), y.key())
          .flatMap(k -> commonType(x.value(), y.value()).map(v -> (SqlType) new SqlType.Map(k, v)));
    }
    if (a instanceof SqlType.Struct x && b instanceof SqlType.Struct y) {
      return commonStruct(x, y);
    }
    if (rank(a) < 0 || rank(b) < 0) {
      return Optional.empty();
    }
    if (a.base() == Base.DOUBLE || b.base() == Base.DOUBLE) {
      return Optional.of(SqlType.DOUBLE);
    }
    if (a.base() == Base.DECIMAL || b.base() == Base.DECIMAL) {
      return Optional.of(widerDecimal(asDecimal(a), asDecimal(b)));
    }
    return Optional.of(rank(a) >= rank(b) ? a : b);
  }

  /**
   * A number type as the DECIMAL holding all its values (DOUBLE has none; it is returned as-is).
   */
  public static SqlType.Decimal asDecimal(SqlType type) {
    return switch (type.base()) {
      case INTEGER -> INTEGER_AS_DECIMAL;
      case BIGINT -> BIGINT_AS_DECIMAL;
      case DECIMAL -> (SqlType.Decimal) type;
      default -> throw new IllegalArgumentException(type.toSql() + " is not an exact number");
    };
  }

  /** Whether the type is INTEGER, BIGINT, DECIMAL or DOUBLE. */
  public static boolean isNumber(SqlType type) {
    return rank(type) >= 0;
  }

  private static Optional<SqlType> commonStruct(SqlType.Struct a, SqlType.Struct b) {
    if (a.fields().size() != b.fields().size()) {
      return Optional.empty();
    }
    java.util.List<SqlType.Field> fields = new java.util.ArrayList<>();
    for (SqlType.Field field : a.fields()) {
      int other = b.indexOf(field.name());
      if (other < 0) {
        return Optional.empty();
      }
      Optional<SqlType> type = commonType(field.type(), b.fields().get(other).type());
      if (type.isEmpty()) {
        return Optional.empty();
      }
      fields.add(new SqlType.Field(field.name(), type.get()));
    }
    return Optional.of(new SqlType.Struct(fields));
  }

  private static SqlType.Decimal widerDecimal(SqlType.Decimal a, SqlType.Decimal b) {
    int scale = Math.max(a.scale(), b.scale());
    int integerDigits = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
    return new SqlType.Decimal(Math.min(MAX_PRECISION, integerDigits + scale), scale);
  }

  private static boolean holds(SqlType.Decimal wide, SqlType.Decimal narrow) {
    return wide.scale() >= narrow.scale()
        && wide.precision() - wide.scale() >= narrow.precision() - narrow.scale();
  }

  private static int rank(SqlType type) {
    return switch (type.base()) {
      case INTEGER -> 0;
      case BIGINT -> 1;
      case DECIMAL -> 2;
      case DOUBLE -> 3;
      default -> -1;
    };
  }
}
