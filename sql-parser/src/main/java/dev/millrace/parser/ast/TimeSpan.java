package dev.millrace.parser.ast;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A duration written as {@code n UNIT} in window, WITHIN and GRACE PERIOD clauses; the unit is kept
 * as written so formatted text reads like the original.
 */
public record TimeSpan(long size, TimeUnit unit, NodeLocation location) implements Node {

  public TimeSpan {
    Objects.requireNonNull(unit, "unit");
  }

  public long toMillis() {
    return unit.toMillis(size);
  }
}
