package dev.millrace.engine.plan;

/**
 * The time bound of a stream-stream join ({@code WITHIN}): a left record at time t joins right
 * records at times in {@code [t - beforeMs, t + afterMs]}. {@code graceMs} is how long after that
 * bound out-of-order records are still accepted; -1 when the query gave no GRACE PERIOD, in which
 * case ksqlDB's older semantics apply: a grace of {@link #DEFAULT_GRACE_MS} and outer-join rows
 * without a match emitted at once instead of when their window closes.
 */
public record JoinWindow(long beforeMs, long afterMs, long graceMs) {
  /** Kafka Streams' grace for join windows built without one: 24 hours. */
  public static final long DEFAULT_GRACE_MS = 24L * 60 * 60 * 1000;

  public JoinWindow {
    if (beforeMs < 0 || afterMs < 0 || graceMs < -1) {
      throw new IllegalArgumentException("join window bounds must not be negative");
    }
  }

  /** Whether GRACE PERIOD was given: unmatched outer rows then wait for their window to close. */
  public boolean hasGrace() {
    return graceMs >= 0;
  }

  /** The grace in force: the given one, else the default. */
  public long effectiveGraceMs() {
    return hasGrace() ? graceMs : DEFAULT_GRACE_MS;
  }

  /** How long each side's records are kept: the whole window plus the grace. */
  public long retentionMs() {
    return beforeMs + afterMs + effectiveGraceMs();
  }
}
