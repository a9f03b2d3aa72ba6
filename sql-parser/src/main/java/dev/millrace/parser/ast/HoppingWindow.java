package dev.millrace.parser.ast;

import java.util.Objects;
import java.util.Optional;

/** {@code HOPPING (SIZE n UNIT, ADVANCE BY n UNIT [, RETENTION ...] [, GRACE PERIOD ...])}. */
public record HoppingWindow(
    TimeSpan size,
    TimeSpan advanceBy,
    Optional<TimeSpan> retention,
    Optional<TimeSpan> grace,
    NodeLocation location)
    implements WindowExpression {

  public HoppingWindow {
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(advanceBy, "advanceBy");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(grace, "grace");
  }
}
