package dev.millrace.engine.testing;

/**
 * The {@link TestDriver}'s wall clock: it moves only when a test moves it. Stream time never
 * follows it (stream time moves with record timestamps only); it stamps records piped without a
 * timestamp.
 */
public final class TestClock {
  private long nowMs;

  TestClock(long startMs) {
    this.nowMs = startMs;
  }

  public long nowMs() {
    return nowMs;
  }

  public void advanceMs(long ms) {
    if (ms < 0) {
      throw new IllegalArgumentException("the clock cannot go back");
    }
    nowMs += ms;
  }
}
