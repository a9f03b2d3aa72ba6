package dev.millrace.bench.run;

import dev.millrace.bench.data.DataSet;
import dev.millrace.bench.data.OutputWatch;
import dev.millrace.bench.job.Engine;
import dev.millrace.bench.job.EngineUsage;
import dev.millrace.bench.job.Job;
import java.util.OptionalLong;

/**
 * One pass of one job on one engine.
 *
 * @param recordsPerSecond input page views per second
 * @param megabytesPerSecond input value megabytes (10^6 bytes) per second
 * @param usage the engine process's CPU time from its start to the end of its output, and its
 *     memory then
 * @param outputs output records seen
 * @param expected output records a correct run writes
 * @param unmatched for the join: page views output without their user
 */
record PassResult(
    Job job,
    Engine engine,
    double recordsPerSecond,
    double megabytesPerSecond,
    EngineUsage usage,
    long outputs,
    long expected,
    long unmatched) {

  private static final double MEBIBYTE = 1 << 20;

  /**
   * Rates from what the watch saw. The clock starts when the first output shows up (which leaves
   * out JVM start, planning and the consumer group's join), so the page views behind that first
   * batch are not counted either: the rate is the share of the input behind the later batches, over
   * the time from the first batch to the last. Each job writes a fixed share of its input, so
   * output records tell how much input is behind them.
   */
  static PassResult of(
      Job job,
      Engine engine,
      DataSet data,
      OutputWatch.Seen seen,
      EngineUsage usage,
      long unmatched) {
    double seconds = (seen.lastNanos() - seen.firstNanos()) / 1e9;
    double inputsPerOutput = (double) data.pageviews() / job.expectedOutputs(data);
    double inputs = (seen.records() - seen.firstBatch()) * inputsPerOutput;
    double rate = seconds > 0 ? inputs / seconds : Double.NaN;
    return new PassResult(
        job,
        engine,
        rate,
        rate * data.averageBytes() / 1e6,
        usage,
        seen.records(),
        job.expectedOutputs(data),
        unmatched);
  }

  double cpuSeconds() {
    return usage.cpuNanos() / 1e9;
  }

  /** The engine process's peak resident set in MiB; NaN where the system does not tell it. */
  double peakResidentMib() {
    return mebibytes(usage.peakResidentBytes());
  }

  double heapAfterGcMib() {
    return usage.heapAfterGcBytes() / MEBIBYTE;
  }

  /** RocksDB's block caches and memtables in MiB. */
  double stateMemoryMib() {
    return usage.state().usedBytes() / MEBIBYTE;
  }

  double statePinnedMib() {
    return usage.state().pinnedBytes() / MEBIBYTE;
  }

  boolean complete() {
    return outputs >= expected;
  }

  String summary() {
    return String.format(
        "%-12s %-14s %,10.0f rec/s %7.2f MB/s %7.1f CPU-s  RSS %s, heap %s, RocksDB %s (%s"
            + " pinned) MiB"
            + "  outputs %,d of %,d%s",
        job,
        engine.title(),
        recordsPerSecond,
        megabytesPerSecond,
        cpuSeconds(),
        ResultTable.mebibytes(peakResidentMib()),
        ResultTable.mebibytes(heapAfterGcMib()),
        ResultTable.mebibytes(stateMemoryMib()),
        ResultTable.mebibytes(statePinnedMib()),
        outputs,
        expected,
        job == Job.JOIN ? String.format(", %,d without their user", unmatched) : "");
  }

  private static double mebibytes(OptionalLong bytes) {
    return bytes.isPresent() ? bytes.getAsLong() / MEBIBYTE : Double.NaN;
  }
}
