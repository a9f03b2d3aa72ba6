package dev.millrace.engine.operator;

import dev.millrace.engine.expr.CompiledExpression;

/**
 * A compiled expression evaluated as ksqlDB does on the hot path: a failure does not stop the row;
 * it is reported to the processing log and the value becomes null (a predicate, false).
 */
final class SafeExpression {
  private final CompiledExpression compiled;
  private final String label;

  /** {@code label} names what is computed, for the processing log (e.g. the output column). */
  SafeExpression(CompiledExpression compiled, String label) {
    this.compiled = compiled;
    this.label = label;
  }

  Object evaluate(Object[] values, ProcessingContext context, RecordContext record) {
    try {
      return compiled.evaluate(values);
    } catch (RuntimeException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      context.report(ProcessingError.Kind.EVALUATION, record, "Error computing " + label + ": " + reason);
      return null;
    }
  }

  /** For values that were already evaluated and reported once (a table row's previous value). */
  Object evaluateQuietly(Object[] values) {
    try {
      return compiled.evaluate(values);
    } catch (RuntimeException e) {
      return null;
    }
  }

  boolean test(Object[] values, ProcessingContext context, RecordContext record) {
    return Boolean.TRUE.equals(evaluate(values, context, record));
  }

  boolean testQuietly(Object[] values) {
    return Boolean.TRUE.equals(evaluateQuietly(values));
  }
}
