package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * Waits of the tests for what queries and servers do in the background. Each wait polls until its
 * condition holds: a condition, not a timed assertion. The patience, generous, only bounds how long
 * a test that is failing anyway takes to say so.
 */
public final class Await {
  public static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final long POLL_MILLIS = 100;

  private Await() {}

  /** What a wait reads, which may fail (a request to a server, say). */
  @FunctionalInterface
  public interface Read<T> {
    T read() throws Exception;
  }

  /**
   * Reads until {@code done} accepts what was read, or the patience runs out, and returns the last
   * read either way: the caller asserts on it, so a failure shows what there was.
   */
  public static <T> T until(Read<T> read, Predicate<T> done) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    T last = read.read();
    while (!done.test(last) && System.nanoTime() < deadline) {
      Thread.sleep(POLL_MILLIS);
      last = read.read();
    }
    return last;
  }

  /** Polls until {@code condition} holds; fails with {@code failure} if it never does. */
  public static void condition(Read<Boolean> condition, String failure) throws Exception {
    if (!until(condition, Boolean::booleanValue)) {
      fail(failure);
    }
  }
}
