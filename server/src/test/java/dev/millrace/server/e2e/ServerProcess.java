package dev.millrace.server.e2e;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A Millrace server running as a separate JVM ({@link ServerProcessMain}) on the test's class path,
 * so a test can kill it as {@code kill -9} would. Its standard output and error, the server's
 * console log, are appended to {@code console.log} beside its data directory.
 */
final class ServerProcess implements AutoCloseable {

  private static final long START_TIMEOUT_SECONDS = 90;

  private final Process process;
  private final Path console;
  private final URI uri;
  private final String bootstrapServers;

  private ServerProcess(Process process, Path console, URI uri, String bootstrapServers) {
    this.process = process;
    this.console = console;
    this.uri = uri;
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts a server on {@code dataDir} and waits until it serves. */
  static ServerProcess start(Path dataDir, Map<String, String> extraConfig) throws Exception {
    Path config = dataDir.resolveSibling(dataDir.getFileName() + ".properties");
    Properties properties = new Properties();
    properties.putAll(E2eServers.config(dataDir));
    properties.putAll(extraConfig);
    try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
      properties.store(out, "e2e test server");
    }
    Path console = consoleLog(dataDir);
    long consoleStart = Files.exists(console) ? Files.size(console) : 0;
    Process process =
        new ProcessBuilder(
                javaExecutable(),
                "-Xmx512m",
                "-cp",
                testClassPath(),
                ServerProcessMain.class.getName(),
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
            .start();
    try {
      String ready = awaitReadyLine(process, console, consoleStart);
      String[] parts = ready.substring(ServerProcessMain.READY.length()).trim().split(" ");
      return new ServerProcess(process, console, URI.create(parts[0]), parts[1]);
    } catch (Exception | AssertionError failed) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      throw failed;
    }
  }

  /** Where the console output of the server on {@code dataDir} goes. */
  static Path consoleLog(Path dataDir) {
    return dataDir.resolveSibling(dataDir.getFileName() + "-console.log");
  }

  private static String awaitReadyLine(Process process, Path console, long from) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      String output = Files.exists(console) ? Files.readString(console).substring((int) from) : "";
      for (String line : output.split("\n")) {
        if (line.startsWith(ServerProcessMain.READY)) {
          return line;
        }
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "the server process exited with " + process.exitValue() + ":\n" + output);
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "the server process did not start within "
            + START_TIMEOUT_SECONDS
            + " s:\n"
            + Files.readString(console).substring((int) from));
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Surefire may hide the real class path behind a manifest-only jar; it names the real one here.
   */
  private static String testClassPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  URI uri() {
    return uri;
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  /** Everything the server has written to its console so far, in all its runs on this data dir. */
  String consoleOutput() throws IOException {
    return Files.readString(console);
  }

  /** Kills the server at once, as {@code kill -9} does: no shutdown hooks, nothing flushed. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the server process survived kill -9 for 30 s");
    }
  }

  /** Stops the server cleanly (its input ends), or kills it if it does not stop within 30 s. */
  @Override
  public void close() throws Exception {
    if (!process.isAlive()) {
      return;
    }
    process.getOutputStream().close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
