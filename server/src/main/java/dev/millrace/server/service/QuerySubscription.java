package dev.millrace.server.service;

/**
 * The subscriber's handle on a running query: demand for rows, and cancellation. Both methods may
 * be called from any thread, including from inside the subscriber's callbacks.
 */
public interface QuerySubscription {

  /** Allows {@code n} more rows to be delivered; {@code n} must be positive. */
  void request(long n);

  /**
   * Stops the query and releases what it holds. Further callbacks may still arrive while the
   * cancellation takes effect; the subscriber ignores them.
   */
  void cancel();
}
