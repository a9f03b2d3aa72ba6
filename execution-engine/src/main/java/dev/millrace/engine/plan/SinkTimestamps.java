package dev.millrace.engine.plan;

import java.util.Optional;

/**
 * Plans stored in the command log before sinks had a timestamp column have no such field; Jackson
 * then passes null, which means "keep each record's time", the same as an empty value.
 */
final class SinkTimestamps {
  private SinkTimestamps() {}

  static Optional<String> orEmpty(Optional<String> field) {
    return field == null ? Optional.empty() : field;
  }
}
