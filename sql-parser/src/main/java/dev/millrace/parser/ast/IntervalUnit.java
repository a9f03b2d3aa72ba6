package dev.millrace.parser.ast;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A time unit passed as a function argument, as in {@code TIMESTAMPADD(SECONDS, 5, ts)}.
 * ksqlDB accepts DAYS, HOURS, MINUTES, SECONDS and MILLISECONDS (singular or plural).
 */
public record IntervalUnit(TimeUnit unit, NodeLocation location) implements Expression {

    public IntervalUnit {
        Objects.requireNonNull(unit, "unit");
    }
}
