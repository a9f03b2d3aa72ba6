package dev.millrace.parser.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code SESSION (n UNIT [, RETENTION ...] [, GRACE PERIOD ...])}; {@code gap} is the inactivity
 * gap.
 */
public record SessionWindow(
    TimeSpan gap, Optional<TimeSpan> retention, Optional<TimeSpan> grace, NodeLocation location)
    implements WindowExpression {

  public SessionWindow {
    Objects.requireNonNull(gap, "gap");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(grace, "grace");
  }
}
