package dev.millrace.engine.operator;

import dev.millrace.engine.expr.CompiledExpression;
import dev.millrace.engine.expr.EvaluationException;
import dev.millrace.engine.expr.ExpressionCompiler;
import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.plan.Expr;

/**
 * A compiled expression evaluated as ksqlDB does on the hot path: a failure does not stop the row;
 * it is reported to the processing log and the value becomes null (a predicate, false). A function
 * failing inside the expression yields null where it was called and is reported the same way. One
 * instance per task: it is not thread-safe.
 */
final class SafeExpression {
  private final CompiledExpression compiled;
  private final String label;
  private EvaluationException functionError;

  /** {@code label} names what is computed, for the processing log (e.g. the output column). */
  SafeExpression(FunctionRegistry functions, Expr expr, String label) {
    this.compiled = new ExpressionCompiler(functions, this::functionFailed).compile(expr);
    this.label = label;
  }

  /**
   * A call of a table function, evaluating to the list of values it produces (empty on failure or
   * null input).
   */
  SafeExpression(FunctionRegistry functions, Expr.FunctionCall tableFunction, String label) {
    this.compiled =
        new ExpressionCompiler(functions, this::functionFailed).compileTableFunction(tableFunction);
    this.label = label;
  }

  Object evaluate(Object[] values, ProcessingContext context, RecordContext record) {
    functionError = null;
    try {
      Object result = compiled.evaluate(values);
      if (functionError != null) {
        report(functionError, context, record);
      }
      return result;
    } catch (RuntimeException e) {
      report(e, context, record);
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

  private void functionFailed(EvaluationException error) {
    if (functionError == null) {
      functionError = error;
    }
  }

  private void report(RuntimeException error, ProcessingContext context, RecordContext record) {
    functionError = null;
    context.report(
        ProcessingError.Kind.EVALUATION,
        record,
        "Error computing " + label + ": " + SourceDecoder.reason(error));
  }
}
