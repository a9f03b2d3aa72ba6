package dev.millrace.engine.operator;

/**
 * Forwards the stream rows for which the predicate is true (null, or a failure, counts as false). A
 * row with a null value never matches, and is reported as dropped.
 */
final class StreamFilterOperator implements Operator {
  private final SafeExpression predicate;
  private final Operator downstream;
  private ProcessingContext context;

  StreamFilterOperator(SafeExpression predicate, Operator downstream) {
    this.predicate = predicate;
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessingContext context) {
    this.context = context;
  }

  @Override
  public void process(Row row, RecordContext record) {
    if (row.value() == null) {
      DroppedRecords.noValue(context, record, "WHERE");
    } else if (predicate.test(row.value(), context, record)) {
      downstream.process(row, record);
    }
  }
}
