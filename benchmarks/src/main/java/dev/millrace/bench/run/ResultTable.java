package dev.millrace.bench.run;

import dev.millrace.bench.data.DataSet;
import dev.millrace.bench.data.Topics;
import dev.millrace.bench.job.Engine;
import dev.millrace.bench.job.Guarantee;
import dev.millrace.bench.job.Job;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The medians of a run's passes as a Markdown table, one row per job. */
final class ResultTable {
  private final List<PassResult> passes = new ArrayList<>();

  void add(PassResult pass) {
    passes.add(pass);
  }

  String render(DataSet data, List<Job> jobs, Guarantee guarantee) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%,d page views (%.0f B average), %d partitions, processing.guarantee %s, medians of"
                + " the passes%n%n",
            data.pageviews(), data.averageBytes(), Topics.PARTITIONS, guarantee.setting()));
    out.append(
        "| job | Millrace rec/s | MB/s | CPU-s | RSS MiB | heap MiB | RocksDB MiB"
            + " | Kafka Streams rec/s | MB/s | CPU-s | RSS MiB | heap MiB | RocksDB MiB"
            + " | ratio | CPU ratio |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Job job : jobs) {
      out.append("| ")
          .append(job.title())
          .append(cells(job, Engine.MILLRACE))
          .append(cells(job, Engine.KAFKA_STREAMS))
          .append(" | ")
          .append(ratio(job, PassResult::recordsPerSecond, false))
          .append(" | ")
          .append(ratio(job, PassResult::cpuSeconds, true))
          .append(" |\n");
    }
    out.append(
        "\nratio: Millrace / Kafka Streams records per second; CPU ratio: Kafka Streams / Millrace"
            + " CPU-seconds (above 1: Millrace used less CPU for the same records). For the AVRO job"
            + " both compare Millrace AVRO with Millrace JSON. RSS: the engine process's peak"
            + " resident set; heap: its JVM heap in use after a full collection; RocksDB: its"
            + " stores' block cache and memtables; all three once the output is complete.\n");
    notes().forEach(note -> out.append(note).append('\n'));
    return out.toString();
  }

  private String cells(Job job, Engine engine) {
    if (of(job, engine).isEmpty()) {
      return " | — | — | — | — | — | —";
    }
    return String.format(
        " | %,.0f | %.1f | %.1f | %s | %s | %s",
        median(job, engine, PassResult::recordsPerSecond),
        median(job, engine, PassResult::megabytesPerSecond),
        median(job, engine, PassResult::cpuSeconds),
        mebibytes(median(job, engine, PassResult::peakResidentMib)),
        mebibytes(median(job, engine, PassResult::heapAfterGcMib)),
        mebibytes(median(job, engine, PassResult::stateMemoryMib)));
  }

  /** Whole mebibytes, or n/a for a figure the system or engine does not give. */
  static String mebibytes(double value) {
    return Double.isNaN(value) ? "n/a" : String.format("%,.0f", value);
  }

  /**
   * Millrace's median of the metric against the peer's: Kafka Streams, or for the AVRO job Millrace
   * on JSON. {@code inverse} divides the peer's by Millrace's, for metrics where less is better.
   */
  private String ratio(Job job, ToDoubleFunction<PassResult> metric, boolean inverse) {
    Job base = job == Job.FILTER_AVRO ? Job.FILTER : job;
    Engine peer = job == Job.FILTER_AVRO ? Engine.MILLRACE : Engine.KAFKA_STREAMS;
    if (of(job, Engine.MILLRACE).isEmpty() || of(base, peer).isEmpty()) {
      return "—";
    }
    double millrace = median(job, Engine.MILLRACE, metric);
    double other = median(base, peer, metric);
    return String.format("%.2f", inverse ? other / millrace : millrace / other);
  }

  private List<String> notes() {
    List<String> notes = new ArrayList<>();
    for (PassResult pass : passes) {
      if (!pass.complete()) {
        notes.add(
            String.format(
                "- %s on %s stopped at %,d of %,d output records (output stalled).",
                pass.job().title(), pass.engine().title(), pass.outputs(), pass.expected()));
      }
      if (pass.unmatched() > 0) {
        notes.add(
            String.format(
                "- %s on %s: %,d of %,d page views (%.2f%%) did not find their user.",
                pass.job().title(),
                pass.engine().title(),
                pass.unmatched(),
                pass.outputs(),
                100.0 * pass.unmatched() / Math.max(1, pass.outputs())));
      }
    }
    return notes;
  }

  private List<PassResult> of(Job job, Engine engine) {
    return passes.stream().filter(p -> p.job() == job && p.engine() == engine).toList();
  }

  /** The median; NaN if any pass lacks the figure (NaN), as all of one engine's passes do. */
  private double median(Job job, Engine engine, ToDoubleFunction<PassResult> metric) {
    double[] values = of(job, engine).stream().mapToDouble(metric).sorted().toArray();
    if (Arrays.stream(values).anyMatch(Double::isNaN)) {
      return Double.NaN;
    }
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }
}
