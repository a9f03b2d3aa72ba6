package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;

/**
 * One argument of an aggregate call as overload resolution sees it: its type, and whether it is a
 * literal and its value, since only a literal can be one of the initial arguments that follow the
 * per-row ones (TOPK(col, 3)).
 */
public record AggregateArgument(SqlType type, boolean literal, Object value) {

  /** A per-row expression (a column, a computed value). */
  public static AggregateArgument expression(SqlType type) {
    return new AggregateArgument(type, false, null);
  }

  /** A literal of this type and value. */
  public static AggregateArgument literal(SqlType type, Object value) {
    return new AggregateArgument(type, true, value);
  }
}
