package dev.millrace.engine.operator;

/**
 * One input's half of a primary-key table-table join: a change of a row of this input is joined
 * with the other input's row of the same key, as Kafka Streams' KTable-KTable joins do with old
 * values enabled. The new joined row and the joined row before the change are both computed, so a
 * key whose joined row disappears becomes a delete and a change that joins to nothing before and
 * after is dropped. The result's time is the later of the two rows' times.
 */
final class TableTableJoinOperator implements Operator {
  private final StoredTable own;
  private final StoredTable other;
  private final JoinedRows joined;
  private final Operator downstream;

  TableTableJoinOperator(
      StoredTable own, StoredTable other, JoinedRows joined, Operator downstream) {
    this.own = own;
    this.other = other;
    this.joined = joined;
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessingContext context) {
    own.init(context);
    other.init(context);
  }

  @Override
  public void process(Row row, RecordContext record) {
    own.update(row);
    StoredTable.Stored match = other.get(row.key());
    Object[] otherValue = match == null ? null : match.value();
    Object[] newRow = joined.of(row.value(), otherValue);
    Object[] oldRow = joined.of(row.oldValue(), otherValue);
    if (newRow == null && oldRow == null) {
      return;
    }
    long time = match == null ? row.timestamp() : Math.max(row.timestamp(), match.timestamp());
    downstream.process(new Row(row.key(), newRow, time, null, oldRow), record);
  }
}
