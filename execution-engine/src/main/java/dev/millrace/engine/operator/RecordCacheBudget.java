package dev.millrace.engine.operator;

/**
 * How many bytes the record caches of one query may hold together ({@code
 * cache.max.bytes.buffering}). The caches of a query's tasks share it; they all run on the query's
 * one thread, so it needs no locking. Sizes are estimates of the rows held, not exact heap usage.
 */
public final class RecordCacheBudget {
  /** No cache: every update is forwarded at once. */
  public static final RecordCacheBudget NONE = new RecordCacheBudget(0);

  private final long maxBytes;
  private long usedBytes;

  public RecordCacheBudget(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("a record cache cannot hold " + maxBytes + " bytes");
    }
    this.maxBytes = maxBytes;
  }

  /** Whether rows may be held at all. */
  boolean enabled() {
    return maxBytes > 0;
  }

  /** Counts {@code bytes} more (or fewer, when negative) as held; false once over the budget. */
  boolean hold(long bytes) {
    usedBytes += bytes;
    return usedBytes <= maxBytes;
  }

  /** Counts {@code bytes} as no longer held. */
  void release(long bytes) {
    usedBytes -= bytes;
  }
}
