package dev.millrace.engine.expr;

import dev.millrace.engine.plan.Operator;
import dev.millrace.engine.types.SqlType;
import java.util.Comparator;
import java.util.List;

/**
 * Comparisons and logic. As in ksqlDB, a comparison (=, <>, <, BETWEEN, IN, LIKE) with a null
 * operand is false, not unknown. AND, OR and NOT over BOOLEAN values follow SQL's three-valued
 * logic: AND is false if either side is false, OR true if either side is true, else null when a
 * side is null. Operands arrive already converted to one common type.
 */
final class Predicates {
  private Predicates() {}

  /** =, <>, <, <=, >, >= over operands of {@code type}. */
  static Eval compare(Operator op, SqlType type, Eval left, Eval right) {
    Test test = test(op, type);
    return (row, vars) -> {
      Object a = left.eval(row, vars);
      if (a == null) {
        return false;
      }
      Object b = right.eval(row, vars);
      return b != null && test.holds(a, b);
    };
  }

  /**
   * IS [NOT] DISTINCT FROM: like = and <>, but two nulls are equal and null differs from any value.
   */
  static Eval distinct(boolean distinct, SqlType type, Eval left, Eval right) {
    return (row, vars) -> {
      Object a = left.eval(row, vars);
      Object b = right.eval(row, vars);
      boolean same = a == null || b == null ? a == b : Comparisons.equal(type, a, b);
      return same != distinct;
    };
  }

  /** A test between two non-null values. */
  interface Test {
    boolean holds(Object a, Object b);
  }

  static Test test(Operator op, SqlType type) {
    if (op == Operator.EQUAL) {
      return (a, b) -> Comparisons.equal(type, a, b);
    }
    if (op == Operator.NOT_EQUAL) {
      return (a, b) -> !Comparisons.equal(type, a, b);
    }
    if (!Comparisons.isOrderable(type)) {
      throw new IllegalArgumentException("Cannot compare " + type.toSql() + " values with " + op);
    }
    Comparator<Object> order = Comparisons.comparator(type);
    return switch (op) {
      case LESS_THAN -> (a, b) -> order.compare(a, b) < 0;
      case LESS_THAN_OR_EQUAL -> (a, b) -> order.compare(a, b) <= 0;
      case GREATER_THAN -> (a, b) -> order.compare(a, b) > 0;
      case GREATER_THAN_OR_EQUAL -> (a, b) -> order.compare(a, b) >= 0;
      default -> throw new IllegalArgumentException(op + " is not a comparison");
    };
  }

  static Eval and(Eval left, Eval right) {
    return (row, vars) -> {
      Object a = left.eval(row, vars);
      if (Boolean.FALSE.equals(a)) {
        return false;
      }
      Object b = right.eval(row, vars);
      if (Boolean.FALSE.equals(b)) {
        return false;
      }
      return a == null || b == null ? null : Boolean.TRUE;
    };
  }

  static Eval or(Eval left, Eval right) {
    return (row, vars) -> {
      Object a = left.eval(row, vars);
      if (Boolean.TRUE.equals(a)) {
        return true;
      }
      Object b = right.eval(row, vars);
      if (Boolean.TRUE.equals(b)) {
        return true;
      }
      return a == null || b == null ? null : Boolean.FALSE;
    };
  }

  static Eval not(Eval operand) {
    return (row, vars) -> {
      Object a = operand.eval(row, vars);
      return a == null ? null : !(Boolean) a;
    };
  }

  static Eval isNull(Eval operand, boolean expectNull) {
    return (row, vars) -> (operand.eval(row, vars) == null) == expectNull;
  }

  /** value IN (candidates): whether a non-null value equals a candidate. */
  static Eval in(SqlType type, Eval value, List<Eval> candidates) {
    Eval[] options = candidates.toArray(Eval[]::new);
    return (row, vars) -> {
      Object v = value.eval(row, vars);
      if (v == null) {
        return false;
      }
      for (Eval option : options) {
        Object c = option.eval(row, vars);
        if (c != null && Comparisons.equal(type, v, c)) {
          return true;
        }
      }
      return false;
    };
  }

  /** value BETWEEN low AND high, inclusive, as (value >= low AND value <= high). */
  static Eval between(SqlType type, Eval value, Eval low, Eval high) {
    return and(
        compare(Operator.GREATER_THAN_OR_EQUAL, type, value, low),
        compare(Operator.LESS_THAN_OR_EQUAL, type, value, high));
  }
}
