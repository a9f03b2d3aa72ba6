package dev.millrace.engine.operator;

import java.util.List;

/**
 * Computes each output value column from one expression over the input value; the key, time and
 * window pass through. For tables, a delete stays a delete, and the previous value is projected too
 * when a later filter needs it ({@code projectOld}).
 */
final class SelectOperator implements Operator {
  private final SafeExpression[] expressions;
  private final boolean projectOld;
  private final Operator downstream;
  private ProcessingContext context;

  SelectOperator(List<SafeExpression> expressions, boolean projectOld, Operator downstream) {
    this.expressions = expressions.toArray(SafeExpression[]::new);
    this.projectOld = projectOld;
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessingContext context) {
    this.context = context;
  }

  @Override
  public void process(Row row, RecordContext record) {
    Object[] value = null;
    if (row.value() != null) {
      value = new Object[expressions.length];
      for (int i = 0; i < expressions.length; i++) {
        value[i] = expressions[i].evaluate(row.value(), context, record);
      }
    }
    downstream.process(
        row.withValues(value, projectOld ? projectQuietly(row.oldValue()) : null), record);
  }

  private Object[] projectQuietly(Object[] old) {
    if (old == null) {
      return null;
    }
    Object[] value = new Object[expressions.length];
    for (int i = 0; i < expressions.length; i++) {
      value[i] = expressions[i].evaluateQuietly(old);
    }
    return value;
  }
}
