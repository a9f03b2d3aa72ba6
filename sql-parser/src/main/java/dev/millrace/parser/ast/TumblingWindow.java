package dev.millrace.parser.ast;

import java.util.Objects;
import java.util.Optional;

/** {@code TUMBLING (SIZE n UNIT [, RETENTION n UNIT] [, GRACE PERIOD n UNIT])}. */
public record TumblingWindow(
    TimeSpan size, Optional<TimeSpan> retention, Optional<TimeSpan> grace, NodeLocation location)
    implements WindowExpression {

  public TumblingWindow {
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(grace, "grace");
  }
}
