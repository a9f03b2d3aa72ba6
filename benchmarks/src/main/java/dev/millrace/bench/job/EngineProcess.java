package dev.millrace.bench.job;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * The child JVM of one pass: prepares the job, starts it, prints {@value #READY}, and when the
 * parent writes a line (the output is complete) prints {@value #CPU} and the CPU nanoseconds this
 * process spent since just before the start, then stops the engine and exits.
 */
public final class EngineProcess {
  public static final String READY = "READY";
  public static final String CPU = "CPU ";

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
      System.out.println(CPU + (processCpuNanos() - cpuBefore));
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
