package dev.millrace.engine.operator;

/**
 * Filters a table's changes. A row that matches is forwarded; a row that stops matching becomes a
 * delete of the row that matched before; a change where neither the old nor the new row matches is
 * dropped, so downstream never sees a delete for a row it never had.
 */
final class TableFilterOperator implements Operator {
  private final SafeExpression predicate;
  private final Operator downstream;
  private ProcessingContext context;

  TableFilterOperator(SafeExpression predicate, Operator downstream) {
    this.predicate = predicate;
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessingContext context) {
    this.context = context;
  }

  @Override
  public void process(Row row, RecordContext record) {
    boolean newMatches = row.value() != null && predicate.test(row.value(), context, record);
    boolean oldMatched = row.oldValue() != null && predicate.testQuietly(row.oldValue());
    if (newMatches) {
      downstream.process(row.withValues(row.value(), oldMatched ? row.oldValue() : null), record);
    } else if (oldMatched) {
      downstream.process(row.withValues(null, row.oldValue()), record);
    }
  }
}
