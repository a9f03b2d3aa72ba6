package dev.millrace.engine.function;

/**
 * A user aggregate over one input column: I is the input, A the accumulator and O the result, each
 * one of the Java types {@link Udf} lists. Implement {@link #undo} (and {@link #canUndo}) for use
 * on tables.
 */
public interface Udaf<I, A, O> {
  A initialize();

  A aggregate(I value, A aggregate);

  A merge(A left, A right);

  O map(A aggregate);

  default boolean canUndo() {
    return false;
  }

  default A undo(I value, A aggregate) {
    throw new UnsupportedOperationException("this aggregate cannot undo");
  }
}
