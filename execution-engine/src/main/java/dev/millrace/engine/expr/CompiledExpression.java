package dev.millrace.engine.expr;

/**
 * An {@link dev.millrace.engine.plan.Expr} compiled for evaluation on the hot path: it reads the
 * columns it needs from a row's value array and returns the result in its type's run-time class
 * (see {@link dev.millrace.engine.types.SqlType}). It throws {@link EvaluationException} when a row
 * cannot be evaluated (the caller skips the row and reports it).
 */
@FunctionalInterface
public interface CompiledExpression {
  Object evaluate(Object[] values);
}
