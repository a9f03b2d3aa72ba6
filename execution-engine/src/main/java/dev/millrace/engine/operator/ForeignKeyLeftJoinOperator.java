package dev.millrace.engine.operator;

import java.util.Arrays;

/**
 * The left input's half of a foreign-key table join. A left row's change computes its foreign key,
 * moves the row's entry in the index from the old foreign key to the new one, and joins the row
 * with the right row it now references. As in Kafka Streams' foreign-key joins, a deleted left row
 * always deletes its result, and an INNER join deletes the result of an updated row that no longer
 * matches; a new row that matches nothing is not emitted by an INNER join.
 */
final class ForeignKeyLeftJoinOperator implements Operator {
  private final StoredTable left;
  private final StoredTable right;
  private final ForeignKeyIndex index;
  private final SafeExpression foreignKey;
  private final JoinedRows joined;
  private final Operator downstream;
  private ProcessingContext context;

  ForeignKeyLeftJoinOperator(
      StoredTable left,
      StoredTable right,
      ForeignKeyIndex index,
      SafeExpression foreignKey,
      JoinedRows joined,
      Operator downstream) {
    this.left = left;
    this.right = right;
    this.index = index;
    this.foreignKey = foreignKey;
    this.joined = joined;
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessingContext context) {
    this.context = context;
    left.init(context);
    right.init(context);
    index.init(context);
  }

  @Override
  public void process(Row row, RecordContext record) {
    left.update(row);
    Object newKey = row.value() == null ? null : foreignKey.evaluate(row.value(), context, record);
    Object oldKey = row.oldValue() == null ? null : foreignKey.evaluateQuietly(row.oldValue());
    byte[] newEncoded = newKey == null ? null : index.encode(newKey);
    byte[] oldEncoded = oldKey == null ? null : index.encode(oldKey);
    if (oldEncoded != null && !Arrays.equals(oldEncoded, newEncoded)) {
      index.remove(oldEncoded, row.key());
    }
    if (newEncoded != null) {
      index.add(newEncoded, row.key());
    }
    Object[] oldRow =
        row.oldValue() == null ? null : joined.of(row.oldValue(), valueOf(lookup(oldKey)));
    if (row.value() == null) {
      if (row.oldValue() != null) {
        downstream.process(new Row(row.key(), null, row.timestamp(), null, oldRow), record);
      }
      return;
    }
    StoredTable.Stored match = lookup(newKey);
    Object[] newRow = joined.of(row.value(), valueOf(match));
    if (newRow == null && row.oldValue() == null) {
      return;
    }
    long time = match == null ? row.timestamp() : Math.max(row.timestamp(), match.timestamp());
    downstream.process(new Row(row.key(), newRow, time, null, oldRow), record);
  }

  private StoredTable.Stored lookup(Object key) {
    return key == null ? null : right.get(new Object[] {key});
  }

  private static Object[] valueOf(StoredTable.Stored stored) {
    return stored == null ? null : stored.value();
  }
}
