package dev.millrace.engine.plan;

import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The pseudo columns and the value layout a source emits. The value array of a source row is: the
 * topic's value columns, then ROWTIME, ROWPARTITION, ROWOFFSET, then copies of the key columns,
 * then WINDOWSTART and WINDOWEND when the source's key is windowed. Planner and engine both use
 * this one definition.
 */
public final class SourceColumns {
  public static final String ROWTIME = "ROWTIME";
  public static final String ROWPARTITION = "ROWPARTITION";
  public static final String ROWOFFSET = "ROWOFFSET";
  public static final String WINDOWSTART = "WINDOWSTART";
  public static final String WINDOWEND = "WINDOWEND";

  private SourceColumns() {}

  /** The schema a source step emits for a topic with {@code stored} columns. */
  public static LogicalSchema withPseudoColumns(LogicalSchema stored, boolean windowed) {
    List<Column> value = new ArrayList<>(stored.value());
    value.add(new Column(ROWTIME, SqlType.BIGINT));
    value.add(new Column(ROWPARTITION, SqlType.INTEGER));
    value.add(new Column(ROWOFFSET, SqlType.BIGINT));
    value.addAll(stored.key());
    if (windowed) {
      value.addAll(windowBounds());
    }
    return new LogicalSchema(stored.key(), value);
  }

  /** WINDOWSTART and WINDOWEND, both BIGINT milliseconds. */
  public static List<Column> windowBounds() {
    return List.of(new Column(WINDOWSTART, SqlType.BIGINT), new Column(WINDOWEND, SqlType.BIGINT));
  }

  /** Whether a column name is one of the pseudo columns that sources add. */
  public static boolean isPseudoColumn(String name) {
    return name.equals(ROWTIME)
        || name.equals(ROWPARTITION)
        || name.equals(ROWOFFSET)
        || name.equals(WINDOWSTART)
        || name.equals(WINDOWEND);
  }
}
