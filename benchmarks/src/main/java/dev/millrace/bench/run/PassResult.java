package dev.millrace.bench.run;

import dev.millrace.bench.data.DataSet;
import dev.millrace.bench.data.OutputWatch;
import dev.millrace.bench.job.Engine;
import dev.millrace.bench.job.Job;

/**
 * One pass of one job on one engine.
 *
 * @param recordsPerSecond input page views per second
 * @param megabytesPerSecond input value megabytes (10^6 bytes) per second
 * @param cpuSeconds the engine process's CPU time from its start to the end of its output
 * @param outputs output records seen
 * @param expected output records a correct run writes
 * @param unmatched for the join: page views output without their user
 */
record PassResult(
    Job job,
    Engine engine,
    double recordsPerSecond,
    double megabytesPerSecond,
    double cpuSeconds,
    long outputs,
    long expected,
    long unmatched) {

  /**
   * Rates from what the watch saw. The clock starts when the first output shows up (which leaves
   * out JVM start, planning and the consumer group's join), so the page views behind that first
   * batch are not counted either: the rate is the share of the input behind the later batches, over
   * the time from the first batch to the last. Each job writes a fixed share of its input, so
   * output records tell how much input is behind them.
   */
  static PassResult of(
      Job job, Engine engine, DataSet data, OutputWatch.Seen seen, double cpu, long unmatched) {
    double seconds = (seen.lastNanos() - seen.firstNanos()) / 1e9;
    double inputsPerOutput = (double) data.pageviews() / job.expectedOutputs(data);
    double inputs = (seen.records() - seen.firstBatch()) * inputsPerOutput;
    double rate = seconds > 0 ? inputs / seconds : Double.NaN;
    return new PassResult(
        job,
        engine,
        rate,
        rate * data.averageBytes() / 1e6,
        cpu,
        seen.records(),
        job.expectedOutputs(data),
        unmatched);
  }

  boolean complete() {
    return outputs >= expected;
  }

  String summary() {
    return String.format(
        "%-12s %-14s %,10.0f rec/s %7.2f MB/s %7.1f CPU-s  outputs %,d of %,d%s",
        job,
        engine.title(),
        recordsPerSecond,
        megabytesPerSecond,
        cpuSeconds,
        outputs,
        expected,
        job == Job.JOIN ? String.format(", %,d without their user", unmatched) : "");
  }
}
