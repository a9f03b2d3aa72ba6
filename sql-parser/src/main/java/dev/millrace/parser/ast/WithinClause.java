package dev.millrace.parser.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * The time bound of a stream-stream join: {@code WITHIN n UNIT} (before = after) or {@code WITHIN
 * (before, after)}, optionally {@code GRACE PERIOD n UNIT}.
 */
public record WithinClause(
    TimeSpan before, TimeSpan after, Optional<TimeSpan> grace, NodeLocation location)
    implements Node {

  public WithinClause {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(grace, "grace");
  }

  /** Whether it was written with one span ({@code WITHIN 10 SECONDS}). */
  public boolean isSymmetric() {
    return before.equals(after);
  }
}
