package dev.millrace.engine.runtime;

/** Where a running query is in its life. */
public enum QueryState {
  /** Created and not started, or stopped. */
  NOT_RUNNING,
  /** Consuming and processing (including while tasks restore their state). */
  RUNNING,
  /**
   * Started and kept in its consumer group with its tasks and state, but processing nothing until
   * resumed (PAUSE).
   */
  PAUSED,
  /** Stopped by an error it cannot skip past (see {@link KafkaQueryRuntime#error()}). */
  ERROR
}
