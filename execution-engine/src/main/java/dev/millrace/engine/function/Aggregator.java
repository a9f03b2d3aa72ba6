package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;

/**
 * An aggregate function instantiated for one call site's argument types. Its state between rows is
 * an accumulator of {@link #accumulatorType()} held in that type's run-time classes, so the
 * aggregation operator can store it as bytes with the ordinary serdes.
 *
 * <p>{@link #add} and {@link #undo} may change the accumulator they are given and return it, so
 * callers must use the returned accumulator and not the one they passed in. Arguments arrive as
 * they are, nulls included; each aggregate decides what a null means (most ignore it).
 */
public interface Aggregator {

  SqlType accumulatorType();

  SqlType returnType();

  /** The accumulator before any row. */
  Object initialize();

  /** Folds one row's arguments into the accumulator. */
  Object add(Object accumulator, Object[] args);

  /**
   * The aggregate's value for an accumulator; it never shares mutable parts with the accumulator.
   */
  Object result(Object accumulator);

  /** Whether {@link #undo} is supported, which aggregating a table's changes needs. */
  default boolean canUndo() {
    return false;
  }

  /** Takes a row previously added back out (a table row was updated or deleted). */
  default Object undo(Object accumulator, Object[] args) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot undo");
  }

  /** Combines two accumulators, as merging session windows needs. */
  Object merge(Object left, Object right);
}
