package dev.millrace.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.bench.data.DataSet;
import dev.millrace.bench.data.OutputWatch;
import dev.millrace.bench.job.Engine;
import dev.millrace.bench.job.EngineUsage;
import dev.millrace.bench.job.Guarantee;
import dev.millrace.bench.job.Job;
import dev.millrace.bench.job.StateMemory;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ResultTableTest {
  /** 1,000 page views of 200 B, 500 of them long. */
  private static final DataSet DATA = new DataSet(1_000, 200_000, 500, 10);

  private static final long MIB = 1 << 20;

  @Test
  void theRateLeavesOutTheFirstBatchAndCountsInputBehindTheOutput() {
    // 500 filter outputs, the first 100 seen at once at t=1 s, the last at t=3 s: the 400 later
    // outputs stand for 800 page views, in 2 seconds.
    OutputWatch.Seen seen = new OutputWatch.Seen(500, 100, 1_000_000_000L, 3_000_000_000L);

    PassResult pass = PassResult.of(Job.FILTER, Engine.MILLRACE, DATA, seen, usage(4.0), 0);

    assertEquals(400.0, pass.recordsPerSecond(), 1e-9);
    assertEquals(0.08, pass.megabytesPerSecond(), 1e-9);
    assertTrue(pass.complete());
  }

  @Test
  void rowsShowMediansAndRatios() {
    ResultTable table = new ResultTable();
    for (double rate : List.of(100.0, 300.0, 200.0)) {
      table.add(pass(Job.FILTER, Engine.MILLRACE, rate, rate / 100));
    }
    table.add(pass(Job.FILTER, Engine.KAFKA_STREAMS, 100, 4));
    table.add(pass(Job.FILTER, Engine.KAFKA_STREAMS, 300, 8));
    table.add(pass(Job.FILTER_AVRO, Engine.MILLRACE, 150, 3));

    List<String> lines =
        table
            .render(DATA, List.of(Job.FILTER, Job.FILTER_AVRO), Guarantee.EXACTLY_ONCE_V2)
            .lines()
            .toList();

    assertEquals(
        "1,000 page views (200 B average), 4 partitions, processing.guarantee exactly_once_v2,"
            + " medians of the passes",
        lines.get(0));
    assertEquals(
        "| project/filter | 200 | 4.0 | 2.0 | 2 | 1 | 3 | 200 | 4.0 | 6.0 | n/a | 3 | 9"
            + " | 1.00 | 3.00 |",
        lines.get(4));
    assertEquals(
        "| project/filter over AVRO | 150 | 3.0 | 3.0 | 3 | 2 | 5 | — | — | — | — | — |"
            + " — | 0.75 | 0.67 |",
        lines.get(5));
  }

  @Test
  void notesNameIncompleteRunsAndUnmatchedPageviews() {
    ResultTable table = new ResultTable();
    table.add(new PassResult(Job.JOIN, Engine.MILLRACE, 100, 1, usage(1), 1_000, 1_000, 27));
    table.add(new PassResult(Job.JOIN, Engine.KAFKA_STREAMS, 100, 1, usage(1), 600, 1_000, 0));

    String rendered = table.render(DATA, List.of(Job.JOIN), Guarantee.AT_LEAST_ONCE);

    assertTrue(
        rendered.contains(
            "- pageviews LEFT JOIN users table on Millrace: 27 of 1,000 page views (2.70%) did not"
                + " find their user."),
        rendered);
    assertTrue(
        rendered.contains(
            "- pageviews LEFT JOIN users table on Kafka Streams stopped at 600 of 1,000 output"
                + " records (output stalled)."),
        rendered);
  }

  /**
   * A pass whose memory figures follow its CPU seconds, in MiB: RocksDB one and a half times them,
   * heap half of them, and the resident set as many on Millrace, unknown on Kafka Streams.
   */
  private static PassResult pass(Job job, Engine engine, double rate, double cpu) {
    long mebibytes = (long) (cpu * MIB);
    EngineUsage usage =
        new EngineUsage(
            (long) (cpu * 1e9),
            engine == Engine.MILLRACE ? OptionalLong.of(mebibytes) : OptionalLong.empty(),
            mebibytes / 2,
            new StateMemory(mebibytes * 3 / 2, 0));
    return new PassResult(job, engine, rate, rate / 50, usage, 500, 500, 0);
  }

  private static EngineUsage usage(double cpuSeconds) {
    return new EngineUsage(
        (long) (cpuSeconds * 1e9), OptionalLong.empty(), 0, new StateMemory(0, 0));
  }
}
