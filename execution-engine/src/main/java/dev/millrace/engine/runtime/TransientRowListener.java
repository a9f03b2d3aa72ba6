package dev.millrace.engine.runtime;

import dev.millrace.engine.operator.Row;

/**
 * Receives the rows of a transient (push) query, on the query's thread, in the order they are
 * produced. A table's deleted row arrives with a null value.
 */
@FunctionalInterface
public interface TransientRowListener {
  void onRow(Row row);
}
