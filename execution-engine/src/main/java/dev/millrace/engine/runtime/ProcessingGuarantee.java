package dev.millrace.engine.runtime;

/** What a persistent query promises about its output after a crash. */
public enum ProcessingGuarantee {
  /**
   * Output and state are flushed before input offsets are committed: nothing is lost, but after a
   * crash the records since the last commit are processed again (aggregates may count them twice).
   */
  AT_LEAST_ONCE,
  /**
   * Output, state changelog and input offsets are committed in one Kafka transaction: after a crash
   * the query continues exactly where its last transaction left it, so aggregates stay exact.
   * Readers of the output see it only once committed (with {@code isolation.level=read_committed}).
   */
  EXACTLY_ONCE
}
