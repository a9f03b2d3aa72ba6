package dev.millrace.planner.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * The value column that gives a source's event time (WITH TIMESTAMP), and, for STRING columns, the
 * pattern it is parsed with (WITH TIMESTAMP_FORMAT).
 */
public record TimestampColumn(String column, Optional<String> format) {
  public TimestampColumn {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(format, "format");
  }
}
