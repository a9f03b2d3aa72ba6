package dev.millrace.bench.job;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * The child JVM of one pass: prepares the job, starts it, prints {@value #READY}, and when the
 * parent writes a line (the output is complete) prints its {@link EngineUsage} (the CPU time this
 * process spent since just before the start, and its memory with the job's whole state still open),
 * then stops the engine and exits.
 */
public final class EngineProcess {
  public static final String READY = "READY";

  private EngineProcess() {}

  public static void main(String[] args) throws Exception {
    RunSpec spec = RunSpec.fromArgs(args);
    try (JobRunner runner = runner(spec)) {
      runner.prepare();
      long cpuBefore = processCpuNanos();
      runner.start();
      System.out.println(READY);
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      long cpu = processCpuNanos() - cpuBefore;
      // After the CPU time, so the full collection behind the heap figure is not charged to it.
      EngineUsage usage =
          new EngineUsage(
              cpu,
              ProcessMemory.peakResidentBytes(),
              ProcessMemory.heapAfterGcBytes(),
              runner.stateMemory());
      System.out.println(usage.line());
      System.out.flush();
    }
    // Kafka and RocksDB may leave non-daemon threads behind; the pass is over.
    System.exit(0);
  }

  private static JobRunner runner(RunSpec spec) {
    return switch (spec.engine()) {
      case MILLRACE -> new MillraceRunner(spec);
      case KAFKA_STREAMS -> new StreamsRunner(spec);
    };
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
