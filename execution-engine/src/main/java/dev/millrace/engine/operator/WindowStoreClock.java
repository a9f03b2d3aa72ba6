package dev.millrace.engine.operator;

import dev.millrace.engine.state.KeyValueStore;
import java.util.ArrayList;
import java.util.List;

/**
 * A windowed aggregation's observed stream time (the largest record time it has seen), kept in its
 * store so that lateness is judged the same after a restore, and the periodic sweep of windows that
 * fell out of retention.
 */
final class WindowStoreClock {
  private final WindowPolicy policy;
  private KeyValueStore store;
  private long observed = Long.MIN_VALUE;
  private long nextSweep = Long.MIN_VALUE;

  WindowStoreClock(WindowPolicy policy) {
    this.policy = policy;
  }

  void init(KeyValueStore store) {
    this.store = store;
    byte[] saved = store.get(StateKeys.STREAM_TIME);
    observed = saved == null ? Long.MIN_VALUE : StateKeys.decodeTime(saved);
  }

  /** The observed stream time: the largest record time seen, restored ones included. */
  long observed() {
    return observed;
  }

  /** Takes a record's time into account and returns the observed stream time. */
  long advance(long timestamp) {
    if (timestamp > observed) {
      observed = timestamp;
      store.put(StateKeys.STREAM_TIME, StateKeys.encodeTime(observed));
    }
    return observed;
  }

  /** Whether a window that ends at {@code end} has fallen out of retention. */
  boolean expired(long end) {
    return end <= observed - policy.retentionMs();
  }

  /**
   * Deletes expired windows now and then (every {@link WindowPolicy#sweepIntervalMs} of stream
   * time).
   */
  void sweepIfDue() {
    if (observed < nextSweep) {
      return;
    }
    if (nextSweep != Long.MIN_VALUE) {
      List<byte[]> expired = new ArrayList<>();
      store.range(
          new byte[] {1},
          new byte[] {2},
          (key, value) -> {
            if (expired(StateKeys.window(key).end())) {
              expired.add(key);
            }
          });
      expired.forEach(store::delete);
    }
    nextSweep = observed + policy.sweepIntervalMs();
  }
}
