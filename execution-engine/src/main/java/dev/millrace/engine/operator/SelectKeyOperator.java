package dev.millrace.engine.operator;

import java.util.List;

/**
 * Gives each stream row a new key computed from its value (PARTITION BY, GROUP BY, a join key); the
 * value and time pass through, and the window is dropped unless {@code keepWindow} (two windowed
 * streams re-keyed by their own keys to meet in a join). For GROUP BY ({@code dropNullKeys}) a row
 * whose key has a null column is dropped, as ksqlDB does; a key that fails to compute is null.
 * Drops are reported to the processing log.
 *
 * <p>A row with a null value (a tombstone) cannot feed an aggregation, so GROUP BY drops it. Else
 * it passes on with its value still null, as ksqlDB does: a key column computed from the old key
 * alone (key columns and literals) is computed as usual, and any other key column is null.
 */
final class SelectKeyOperator implements Operator {
  private final SafeExpression[] keys;
  private final boolean dropNullKeys;
  private final boolean keepWindow;
  private final NullValueKeys nullValueKeys;
  private final Operator downstream;
  private ProcessingContext context;

  SelectKeyOperator(
      List<SafeExpression> keys,
      boolean dropNullKeys,
      boolean keepWindow,
      NullValueKeys nullValueKeys,
      Operator downstream) {
    this.keys = keys.toArray(SafeExpression[]::new);
    this.dropNullKeys = dropNullKeys;
    this.keepWindow = keepWindow;
    this.nullValueKeys = nullValueKeys;
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessingContext context) {
    this.context = context;
  }

  @Override
  public void process(Row row, RecordContext record) {
    if (row.value() == null) {
      if (dropNullKeys) {
        DroppedRecords.noValue(context, record, "GROUP BY");
      } else {
        Object[] key = nullValueKeys.key(row.key(), keys, context, record);
        downstream.process(new Row(key, null, row.timestamp(), window(row)), record);
      }
      return;
    }
    Object[] key = new Object[keys.length];
    for (int i = 0; i < keys.length; i++) {
      key[i] = keys[i].evaluate(row.value(), context, record);
      if (key[i] == null && dropNullKeys) {
        DroppedRecords.nullGroupingKey(context, record, i + 1);
        return;
      }
    }
    downstream.process(new Row(key, row.value(), row.timestamp(), window(row)), record);
  }

  private Window window(Row row) {
    return keepWindow ? row.window() : null;
  }
}
