package dev.millrace.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.bench.job.Guarantee;
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

  @Test
  void bothEnginesRunExactlyOnceUnlessToldOtherwise() {
    assertEquals(Guarantee.EXACTLY_ONCE_V2, BenchOptions.parse(new String[0]).guarantee());
    assertEquals(
        Guarantee.AT_LEAST_ONCE,
        BenchOptions.parse(new String[] {"--guarantee", "at_least_once"}).guarantee());
    assertEquals(
        Guarantee.EXACTLY_ONCE_V2,
        BenchOptions.parse(new String[] {"--guarantee", "EXACTLY_ONCE_V2"}).guarantee());
  }

  @Test
  void theRunsHeaderNamesTheGuarantee() {
    String header = BenchOptions.parse(new String[] {"--guarantee", "at_least_once"}).toString();

    assertTrue(header.endsWith(", processing.guarantee at_least_once"), header);
  }

  @Test
  void aGuaranteeKafkaStreamsAndMillraceDoNotShareStopsTheRun() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> BenchOptions.parse(new String[] {"--guarantee", "exactly_once_beta"}));

    assertEquals(
        "--guarantee must be exactly_once_v2 or at_least_once, not exactly_once_beta",
        refused.getMessage());
  }
}
