package dev.millrace.bench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EngineUsageTest {

  @Test
  void aLineReadsBackAsTheUsageThatWroteIt() {
    EngineUsage usage =
        new EngineUsage(
            12_345_678_901L, OptionalLong.of(812_000_256), 95_000_000, OptionalLong.of(7));

    assertEquals("USAGE cpu=12345678901 rss=812000256 heap=95000000 rocksdb=7", usage.line());
    assertEquals(usage, EngineUsage.parse(usage.line()));
  }

  @Test
  void figuresTheProcessCannotTellAreNotApplicable() {
    EngineUsage usage = new EngineUsage(1, OptionalLong.empty(), 2, OptionalLong.empty());

    assertEquals("USAGE cpu=1 rss=n/a heap=2 rocksdb=n/a", usage.line());
    assertEquals(usage, EngineUsage.parse(usage.line()));
  }
}
