package dev.millrace.bench.run;

import dev.millrace.bench.data.DataSet;
import dev.millrace.bench.data.Topics;
import dev.millrace.bench.job.Engine;
import dev.millrace.bench.job.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The medians of a run's passes as a Markdown table, one row per job. */
final class ResultTable {
  private final List<PassResult> passes = new ArrayList<>();

  void add(PassResult pass) {
    passes.add(pass);
  }

  String render(DataSet data, List<Job> jobs) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%,d page views (%.0f B average), %d partitions, medians of the passes%n%n",
            data.pageviews(), data.averageBytes(), Topics.PARTITIONS));
    out.append(
        "| job | Millrace rec/s | MB/s | CPU-s | Kafka Streams rec/s | MB/s | CPU-s | ratio |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Job job : jobs) {
      out.append("| ")
          .append(job.title())
          .append(cells(job, Engine.MILLRACE))
          .append(cells(job, Engine.KAFKA_STREAMS))
          .append(" | ")
          .append(ratio(job))
          .append(" |\n");
    }
    out.append(
        "\nratio: Millrace / Kafka Streams records per second; for the AVRO job, Millrace AVRO / "
            + "Millrace JSON.\n");
    notes().forEach(note -> out.append(note).append('\n'));
    return out.toString();
  }

  private String cells(Job job, Engine engine) {
    if (of(job, engine).isEmpty()) {
      return " | — | — | —";
    }
    return String.format(
        " | %,.0f | %.1f | %.1f",
        median(job, engine, PassResult::recordsPerSecond),
        median(job, engine, PassResult::megabytesPerSecond),
        median(job, engine, PassResult::cpuSeconds));
  }

  private String ratio(Job job) {
    Job base = job == Job.FILTER_AVRO ? Job.FILTER : job;
    Engine peer = job == Job.FILTER_AVRO ? Engine.MILLRACE : Engine.KAFKA_STREAMS;
    if (of(job, Engine.MILLRACE).isEmpty() || of(base, peer).isEmpty()) {
      return "—";
    }
    return String.format(
        "%.2f",
        median(job, Engine.MILLRACE, PassResult::recordsPerSecond)
            / median(base, peer, PassResult::recordsPerSecond));
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

  private double median(Job job, Engine engine, ToDoubleFunction<PassResult> metric) {
    double[] values = of(job, engine).stream().mapToDouble(metric).sorted().toArray();
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }
}
