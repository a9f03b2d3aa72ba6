package dev.millrace.planner.analysis;

import dev.millrace.engine.types.SqlType;

/**
 * A column visible to a query's expressions.
 *
 * @param source the name or alias qualifying it ({@code s} in {@code s.col})
 * @param name the column's name
 * @param index its field position in the input row (the engine's value array)
 * @param type its SQL type
 * @param kind what sort of column it is
 */
public record ScopeColumn(String source, String name, int index, SqlType type, Kind kind) {

  /** Where a column comes from; {@code SELECT *} expands KEY and VALUE columns only. */
  public enum Kind {
    KEY,
    VALUE,
    PSEUDO,
    WINDOW_BOUND
  }

  /** {@code source.name}, as messages show a resolved column. */
  public String qualifiedName() {
    return source + "." + name;
  }
}
