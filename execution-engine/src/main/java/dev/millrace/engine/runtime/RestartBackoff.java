package dev.millrace.engine.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a query failed by a SYSTEM error waits before it restarts: {@code initial} after the
 * first failure, doubling with each failure in a row, never more than {@code max}. ksqlDB's {@code
 * ksql.query.retry.backoff.initial.ms} and {@code ksql.query.retry.backoff.max.ms}.
 */
public record RestartBackoff(Duration initial, Duration max) {
  /** ksqlDB's defaults: 15 seconds, then doubling up to 15 minutes. */
  public static final RestartBackoff DEFAULT =
      new RestartBackoff(Duration.ofSeconds(15), Duration.ofMinutes(15));

  public RestartBackoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "restart backoff must be 0 or more and its maximum at least its initial value");
    }
  }

  /** The wait before the restart that follows failure number {@code failuresInARow} (from 1). */
  public Duration delay(int failuresInARow) {
    Duration delay = initial;
    for (int i = 1; i < failuresInARow && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
