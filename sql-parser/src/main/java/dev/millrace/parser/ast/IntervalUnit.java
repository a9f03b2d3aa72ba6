package dev.millrace.parser.ast;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A time unit passed as a function argument, as in {@code TIMESTAMPADD(SECONDS, 5, ts)}. Only the
 * plural spellings (DAYS, HOURS, MINUTES, SECONDS, MILLISECONDS) are read as units here, because
 * the singular ones are common column names. A function that takes no unit may treat it as a column
 * of that name.
 */
public record IntervalUnit(TimeUnit unit, NodeLocation location) implements Expression {

  public IntervalUnit {
    Objects.requireNonNull(unit, "unit");
  }
}
