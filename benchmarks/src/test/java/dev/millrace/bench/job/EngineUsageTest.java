package dev.millrace.bench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EngineUsageTest {

  @Test
  void aLineReadsBackAsTheUsageThatWroteIt() {
    EngineUsage usage =
        new EngineUsage(
            12_345_678_901L, OptionalLong.of(812_000_256), 95_000_000, new StateMemory(7, 3));

    assertEquals(
        "USAGE cpu=12345678901 rss=812000256 heap=95000000 rocksdb=7 pinned=3", usage.line());
    assertEquals(usage, EngineUsage.parse(usage.line()));
  }

  @Test
  void aResidentSetTheSystemDoesNotTellIsNotApplicable() {
    EngineUsage usage = new EngineUsage(1, OptionalLong.empty(), 2, new StateMemory(0, 0));

    assertEquals("USAGE cpu=1 rss=n/a heap=2 rocksdb=0 pinned=0", usage.line());
    assertEquals(usage, EngineUsage.parse(usage.line()));
  }
}
