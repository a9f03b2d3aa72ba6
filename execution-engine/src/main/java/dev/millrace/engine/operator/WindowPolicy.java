package dev.millrace.engine.operator;

import dev.millrace.engine.plan.WindowInfo;

/**
 * The timing rules of a windowed aggregation, with ksqlDB's defaults filled in: the grace period
 * (24 hours when not given) and how long windows are kept (at least size, or gap, plus grace).
 */
record WindowPolicy(
    WindowInfo.Type type, long sizeMs, long advanceMs, long graceMs, long retentionMs) {
  static final long DEFAULT_GRACE_MS = 24 * 60 * 60 * 1000L;

  static WindowPolicy of(WindowInfo info) {
    long grace = info.graceMs() < 0 ? DEFAULT_GRACE_MS : info.graceMs();
    long advance =
        info.type() == WindowInfo.Type.HOPPING && info.advanceMs() > 0
            ? info.advanceMs()
            : info.sizeMs();
    long retention = Math.max(info.retentionMs(), info.sizeMs() + grace);
    return new WindowPolicy(info.type(), info.sizeMs(), advance, grace, retention);
  }

  /** How often expired windows are swept out of the store, in stream time. */
  long sweepIntervalMs() {
    return Math.max(retentionMs / 2, 60_000L);
  }
}
