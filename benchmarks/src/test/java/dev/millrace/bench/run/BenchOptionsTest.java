package dev.millrace.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.bench.job.Job;
import dev.millrace.engine.state.RocksDbMemory;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void millracesStateMemoryIsTheServersDefaultUnlessGiven() {
    assertEquals(
        RocksDbMemory.DEFAULT_TOTAL_BYTES, BenchOptions.parse(new String[0]).stateMemoryBytes());

    BenchOptions options =
        BenchOptions.parse(
            new String[] {
              "--records", "200_000", "--jobs", "user_pages", "--state-memory", "16777216"
            });

    assertEquals(200_000, options.records());
    assertEquals(List.of(Job.USER_PAGES), options.jobs());
    assertEquals(16_777_216, options.stateMemoryBytes());
  }

  @Test
  void aStateMemoryTheServerWouldRefuseStopsTheRun() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> BenchOptions.parse(new String[] {"--state-memory", "16777215"}));

    assertEquals("--state-memory must be at least 16777216 bytes", refused.getMessage());
  }
}
