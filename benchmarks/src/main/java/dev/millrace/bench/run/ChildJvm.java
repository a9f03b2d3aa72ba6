package dev.millrace.bench.run;

import dev.millrace.bench.job.EngineProcess;
import dev.millrace.bench.job.EngineUsage;
import dev.millrace.bench.job.RunSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One pass's engine in a JVM of its own, so that its CPU time is its own and not the broker's or
 * the watcher's. Both engines get the same JVM options, followed by those in the environment
 * variable {@value #EXTRA_OPTIONS} (split at white space), e.g. to record a profile with Java
 * Flight Recorder.
 */
final class ChildJvm implements AutoCloseable {
  static final String EXTRA_OPTIONS = "BENCH_ENGINE_JAVA_OPTS";
  private static final List<String> JVM_OPTIONS = List.of("-Xms512m", "-Xmx2g");

  private final Process process;
  private final BufferedReader out;
  private final Path errors;

  private ChildJvm(Process process, Path errors) {
    this.process = process;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.errors = errors;
  }

  /** Starts a pass's engine and returns once its query runs. */
  static ChildJvm start(RunSpec spec, Path logDir) throws IOException {
    ChildJvm child = start(EngineProcess.class, spec.toArgs(), spec.runId(), logDir);
    child.expect(EngineProcess.READY);
    return child;
  }

  /** Runs {@code main} with {@code args} in a child JVM, its errors in {@code <name>.err}. */
  static ChildJvm start(Class<?> main, List<String> args, String name, Path logDir)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    String extra = System.getenv(EXTRA_OPTIONS);
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    command.add("-Dmillrace.log.dir=" + logDir);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(args);
    Path errors = logDir.resolve(name + ".err");
    Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
    return new ChildJvm(process, errors);
  }

  /** Waits for the child to end; fails unless it ended well. */
  void awaitSuccess() throws InterruptedException, IOException {
    // Drained, so a child that prints cannot block on a full pipe.
    while (out.readLine() != null) {}
    if (process.waitFor() != 0) {
      throw new IOException("a benchmark process failed; its errors are in " + errors);
    }
  }

  /** Tells the child its output is complete; returns what it used for the job. */
  EngineUsage stop() throws IOException, InterruptedException {
    Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    in.write("done\n");
    in.flush();
    String line = expect(EngineUsage.PREFIX);
    process.waitFor(60, TimeUnit.SECONDS);
    return EngineUsage.parse(line);
  }

  private String expect(String prefix) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    throw new IOException("the engine process ended early; its errors are in " + errors);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
