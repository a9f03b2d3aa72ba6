package dev.millrace.engine.runtime;

/**
 * Where a query starts reading a source topic partition it has no committed offset for (ksqlDB's
 * {@code auto.offset.reset}). Internal topics are always read from the earliest offset.
 */
public enum OffsetReset {
  EARLIEST,
  LATEST
}
