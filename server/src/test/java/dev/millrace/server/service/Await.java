package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits of the tests on the embedded broker for what queries do in the background. Each wait polls
 * until its condition holds: a condition, not a timed assertion. The patience, generous, only
 * bounds how long a test that is failing anyway takes to say so.
 */
final class Await {
  static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final long POLL_MILLIS = 100;

  private Await() {}

  /**
   * Reads until {@code done} accepts what was read, or the patience runs out, and returns the last
   * read either way: the caller asserts on it, so a failure shows what there was.
   */
  static <T> T until(Supplier<T> read, Predicate<T> done) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    T last = read.get();
    while (!done.test(last) && System.nanoTime() < deadline) {
      Thread.sleep(POLL_MILLIS);
      last = read.get();
    }
    return last;
  }

  /** Polls until {@code condition} holds; fails with {@code failure} if it never does. */
  static void condition(BooleanSupplier condition, String failure) throws InterruptedException {
    if (!until(condition::getAsBoolean, Boolean::booleanValue)) {
      fail(failure);
    }
  }
}
