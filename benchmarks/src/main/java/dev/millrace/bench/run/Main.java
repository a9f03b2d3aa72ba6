package dev.millrace.bench.run;

import dev.millrace.bench.data.DataGenerator;
import dev.millrace.bench.data.DataLoader;
import dev.millrace.bench.data.DataSet;
import dev.millrace.bench.data.JoinCheck;
import dev.millrace.bench.data.OutputWatch;
import dev.millrace.bench.job.AvroCopy;
import dev.millrace.bench.job.Engine;
import dev.millrace.bench.job.EngineUsage;
import dev.millrace.bench.job.Job;
import dev.millrace.bench.job.RunSpec;
import dev.millrace.server.kafka.BrokerSettings;
import dev.millrace.server.kafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code bin/bench}: starts the embedded broker, writes the data once, then runs each job's passes
 * on each engine (interleaved, so a busy moment of the machine hits both alike) and prints the
 * table of medians. {@code bin/bench jmh ...} runs the JMH microbenchmarks instead.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("jmh")) {
      org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage() + "\n" + BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    Path dir = Files.createTempDirectory("millrace-bench");
    Path logs = Files.createDirectories(dir.resolve("logs"));
    System.setProperty("millrace.log.dir", logs.toString());
    try {
      run(options, dir);
    } catch (Exception | Error failed) {
      System.err.println("bench: failed; the broker's and engines' logs are in " + logs);
      throw failed;
    }
    deleteTree(dir);
  }

  private static void run(BenchOptions options, Path dir) throws Exception {
    System.out.println("Benchmark: " + options);
    // Old timestamps (the data is dated 2026-01-01) must not fall to time-based retention.
    BrokerSettings settings =
        BrokerSettings.of(dir).withPort(0).withOverride("log.retention.ms", "-1");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings)) {
      String bootstrap = broker.bootstrapServers();
      DataLoader loader = new DataLoader(bootstrap);
      DataSet data = loader.load(new DataGenerator(options.seed()), options.records());
      System.out.printf(
          "Wrote %,d page views (%.0f B average) and %,d users%n",
          data.pageviews(), data.averageBytes(), data.users());
      if (options.jobs().contains(Job.FILTER_AVRO) && options.engines().contains(Engine.MILLRACE)) {
        copyToAvro(bootstrap, data, dir);
      }
      ResultTable table = new ResultTable();
      int runs = 0;
      for (Job job : options.jobs()) {
        for (int pass = 1; pass <= options.passes(); pass++) {
          for (Engine engine : options.engines()) {
            if (job.runsOn(engine)) {
              RunSpec spec =
                  new RunSpec(
                      engine,
                      job,
                      bootstrap,
                      "r" + ++runs,
                      data.pageviews(),
                      dir,
                      options.stateMemoryBytes(),
                      options.guarantee());
              PassResult result = runPass(spec, loader, data);
              System.out.println("  pass " + pass + ": " + result.summary());
              table.add(result);
            }
          }
        }
      }
      System.out.println();
      System.out.print(table.render(data, options.jobs(), options.guarantee()));
    }
  }

  private static PassResult runPass(RunSpec spec, DataLoader loader, DataSet data)
      throws Exception {
    loader.createTopics(List.of(spec.outputTopic()));
    OutputWatch.Seen seen;
    EngineUsage usage;
    try (ChildJvm child = ChildJvm.start(spec, spec.workDir().resolve("logs"))) {
      seen =
          new OutputWatch(spec.bootstrapServers())
              .await(spec.outputTopic(), spec.job().expectedOutputs(data));
      usage = child.stop();
    }
    long unmatched =
        spec.job() == Job.JOIN
            ? new JoinCheck(spec.bootstrapServers()).unmatched(spec.outputTopic())
            : 0;
    return PassResult.of(spec.job(), spec.engine(), data, seen, usage, unmatched);
  }

  private static void copyToAvro(String bootstrap, DataSet data, Path dir) throws Exception {
    System.out.println("Copying the page views to AVRO for the AVRO job ...");
    try (ChildJvm copy =
        ChildJvm.start(
            AvroCopy.class,
            AvroCopy.args(bootstrap, data.pageviews(), dir),
            "avro-copy",
            dir.resolve("logs"))) {
      copy.awaitSuccess();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
