package dev.millrace.engine.operator;

/**
 * Where a foreign-key join's results leave its left task: each goes downstream with the result the
 * key had before as its old value, kept in a store of the results emitted (a response from the
 * right input knows nothing of what the key was joined with before).
 */
final class JoinResults {
  private final StoredTable emitted;
  private final Operator downstream;

  JoinResults(StoredTable emitted, Operator downstream) {
    this.emitted = emitted;
    this.downstream = downstream;
  }

  void init(ProcessingContext context) {
    emitted.init(context);
  }

  /** Emits {@code value} (null: a delete) as the result of the left row {@code key}. */
  void emit(Object[] key, Object[] value, long time, RecordContext record) {
    StoredTable.Stored before = emitted.get(key);
    Row row = new Row(key, value, time, null, before == null ? null : before.value());
    emitted.update(row);
    downstream.process(row, record);
  }
}
