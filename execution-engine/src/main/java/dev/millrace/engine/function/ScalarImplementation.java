package dev.millrace.engine.function;

/**
 * The body of a scalar function overload, applied to argument values in their parameter types'
 * run-time classes (lambda arguments arrive as {@link LambdaValue}s). It throws {@link
 * dev.millrace.engine.expr.EvaluationException} for inputs it cannot handle.
 */
@FunctionalInterface
public interface ScalarImplementation {
  Object apply(Object[] args);
}
