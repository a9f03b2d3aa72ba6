package dev.millrace.engine.operator;

import java.util.Arrays;
import java.util.List;

/**
 * Re-keys a table's changes by the grouping expressions, keeping each change's old row so the
 * aggregation can take it back out. When the old and new rows fall in the same group the change
 * goes on as one row (undo then add, one update downstream); otherwise the old row's group first
 * gets a retraction (no new value), then the new row's group an addition (no old value), as Kafka
 * Streams' grouped tables do. A side whose grouping key has a null column belongs to no group and
 * is left out; a new row so left out is reported as GROUP BY drops are for streams.
 */
final class TableGroupByOperator implements Operator {
  private final SafeExpression[] keys;
  private final Operator downstream;
  private ProcessingContext context;

  TableGroupByOperator(List<SafeExpression> keys, Operator downstream) {
    this.keys = keys.toArray(SafeExpression[]::new);
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessingContext context) {
    this.context = context;
  }

  @Override
  public void process(Row row, RecordContext record) {
    Object[] newKey = row.value() == null ? null : key(row.value(), record, true);
    Object[] oldKey = row.oldValue() == null ? null : key(row.oldValue(), record, false);
    if (newKey != null && oldKey != null && Arrays.equals(newKey, oldKey)) {
      downstream.process(
          new Row(newKey, row.value(), row.timestamp(), null, row.oldValue()), record);
      return;
    }
    if (oldKey != null) {
      downstream.process(new Row(oldKey, null, row.timestamp(), null, row.oldValue()), record);
    }
    if (newKey != null) {
      downstream.process(new Row(newKey, row.value(), row.timestamp(), null, null), record);
    }
  }

  /** The grouping key of {@code value}, or null when a column of it is null. */
  private Object[] key(Object[] value, RecordContext record, boolean report) {
    Object[] key = new Object[keys.length];
    for (int i = 0; i < keys.length; i++) {
      key[i] = keys[i].evaluate(value, context, record);
      if (key[i] == null) {
        if (report) {
          DroppedRecords.nullGroupingKey(context, record, i + 1);
        }
        return null;
      }
    }
    return key;
  }
}
