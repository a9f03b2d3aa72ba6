package dev.millrace.engine.runtime;

/** Where a running query is in its life. */
public enum QueryState {
  /** Created and not started, or stopped. */
  NOT_RUNNING,
  /** Consuming and processing (including while tasks restore their state). */
  RUNNING,
  /** Stopped by an error it cannot skip past (see {@link KafkaQueryRuntime#error()}). */
  ERROR
}
