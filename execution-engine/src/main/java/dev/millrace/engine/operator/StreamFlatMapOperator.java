package dev.millrace.engine.operator;

import java.util.List;

/**
 * Calls table functions on each stream row and forwards one row per position of their longest
 * result: the input value followed by each function's value at that position (null past the end of
 * a shorter result). A row with a null value is reported as dropped; one whose results are all
 * empty (null or empty arrays, or failures) gives no rows. The key, time and window pass through.
 */
final class StreamFlatMapOperator implements Operator {
  private final SafeExpression[] tableFunctions;
  private final Operator downstream;
  private ProcessingContext context;

  StreamFlatMapOperator(List<SafeExpression> tableFunctions, Operator downstream) {
    this.tableFunctions = tableFunctions.toArray(SafeExpression[]::new);
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessingContext context) {
    this.context = context;
  }

  @Override
  public void process(Row row, RecordContext record) {
    Object[] input = row.value();
    if (input == null) {
      DroppedRecords.noValue(context, record, "a table function");
      return;
    }
    List<?>[] results = new List<?>[tableFunctions.length];
    int rows = 0;
    for (int i = 0; i < tableFunctions.length; i++) {
      Object result = tableFunctions[i].evaluate(input, context, record);
      results[i] = result == null ? List.of() : (List<?>) result;
      rows = Math.max(rows, results[i].size());
    }
    for (int position = 0; position < rows; position++) {
      Object[] value = new Object[input.length + results.length];
      System.arraycopy(input, 0, value, 0, input.length);
      for (int i = 0; i < results.length; i++) {
        value[input.length + i] = position < results[i].size() ? results[i].get(position) : null;
      }
      downstream.process(row.withValue(value), record);
    }
  }
}
