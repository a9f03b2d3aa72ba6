package dev.millrace.engine.operator;

/**
 * The right input's half of a foreign-key table join: a right row's change re-joins every left row
 * that references its key (found in the index), in left key order. The results are keyed by the
 * left rows' keys; for an INNER join a deleted right row deletes them, for a LEFT join they lose
 * the right columns.
 */
final class ForeignKeyRightJoinOperator implements Operator {
  private final StoredTable right;
  private final StoredTable left;
  private final ForeignKeyIndex index;
  private final JoinedRows joined;
  private final Operator downstream;

  ForeignKeyRightJoinOperator(
      StoredTable right,
      StoredTable left,
      ForeignKeyIndex index,
      JoinedRows joined,
      Operator downstream) {
    this.right = right;
    this.left = left;
    this.index = index;
    this.joined = joined;
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessingContext context) {
    right.init(context);
    left.init(context);
    index.init(context);
  }

  @Override
  public void process(Row row, RecordContext record) {
    right.update(row);
    if (row.key()[0] == null || row.value() == null && row.oldValue() == null) {
      return;
    }
    for (Object[] leftKey : index.leftKeys(index.encode(row.key()[0]))) {
      StoredTable.Stored leftRow = left.get(leftKey);
      if (leftRow == null) {
        continue;
      }
      Object[] newRow = joined.of(row.value(), leftRow.value());
      Object[] oldRow = joined.of(row.oldValue(), leftRow.value());
      if (newRow != null || oldRow != null) {
        long time = Math.max(row.timestamp(), leftRow.timestamp());
        downstream.process(new Row(leftKey, newRow, time, null, oldRow), record);
      }
    }
  }
}
