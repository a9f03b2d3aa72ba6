package dev.millrace.server.registry;

import dev.millrace.server.kafka.LocalPorts;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apicurio Registry in a child process, the schema registry of a server that runs its own broker
 * and has no {@code ksql.schema.registry.url}. It speaks Confluent's API at {@link #url()}, keeps
 * its schemas in a database file under {@code <dataDir>/schema-registry} (so ids written into
 * records stay valid across restarts), and its global compatibility rule is BACKWARD, the default
 * of Confluent's registry. It stops with {@link #close()}, and by itself when the server's process
 * ends (see {@link ParentWatch}).
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
  /** The system property naming the unpacked Apicurio distribution; set by the launcher. */
  public static final String DISTRIBUTION_PROPERTY = "millrace.schema.registry.dist";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
  private static final String HOST = "localhost";
  private static final String API = "/apis/ccompat/v7";
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration STOP_WAIT = Duration.ofSeconds(15);

  private final Process process;
  private final int port;
  private final Path logFile;
  private boolean closed;

  private EmbeddedSchemaRegistry(Process process, int port, Path logFile) {
    this.process = process;
    this.port = port;
    this.logFile = logFile;
  }

  /**
   * Starts the registry's process and returns at once, so the caller can do other work (start the
   * broker) while it starts; {@link #awaitReady} waits for it.
   *
   * @throws RegistryStartException if the distribution is incomplete or the process cannot start
   */
  public static EmbeddedSchemaRegistry launch(RegistrySettings settings) {
    int port = choosePort(settings.preferredPort());
    try {
      Files.createDirectories(settings.storageDir());
      Files.createDirectories(settings.logFile().toAbsolutePath().getParent());
      Process process =
          new ProcessBuilder(command(settings, port))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()))
              .start();
      return new EmbeddedSchemaRegistry(process, port, settings.logFile());
    } catch (IOException e) {
      throw new RegistryStartException(
          "the embedded schema registry could not start: " + e.getMessage(), e);
    }
  }

  /**
   * Waits until the registry answers on its API.
   *
   * @throws RegistryStartException if its process ends, or it is not ready within {@code timeout};
   *     the process is stopped then
   */
  public EmbeddedSchemaRegistry awaitReady(Duration timeout) {
    long startNanos = System.nanoTime();
    long deadline = startNanos + timeout.toNanos();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create(url() + "/subjects"))
            .timeout(POLL.multipliedBy(20))
            .build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new RegistryStartException(
            "the embedded schema registry stopped while starting (exit code "
                + process.exitValue()
                + "); see "
                + logFile);
      }
      if (answers(http, probe)) {
        LOG.info(
            "Embedded schema registry ready on {} in {} ms",
            url(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        return this;
      }
      sleep(POLL);
    }
    close();
    throw new RegistryStartException(
        "the embedded schema registry did not answer within "
            + timeout.toSeconds()
            + " s; see "
            + logFile);
  }

  /** The base URL of the registry's Confluent-compatible API, for ksql.schema.registry.url. */
  public String url() {
    return "http://" + HOST + ":" + port + API;
  }

  /** The HTTP port: the preferred one, or the free one chosen because it was taken. */
  public int port() {
    return port;
  }

  /** The registry's process, while it runs. */
  public ProcessHandle process() {
    return process.toHandle();
  }

  /** Stops the registry cleanly (its database is closed), forcibly if it does not stop in time. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    process.destroy();
    try {
      if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
        LOG.warn("Embedded schema registry on {} did not stop in time; killing it", url());
        process.destroyForcibly().waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException interrupted) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static List<String> command(RegistrySettings settings, int port) throws IOException {
    Path runner = runnerJar(settings.distribution());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // A small heap and the quick JIT tier: the registry does little work, and starts sooner so.
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-Dquarkus.http.host=" + HOST);
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dquarkus.http.access-log.enabled=false");
    command.add(
        "-Dapicurio.datasource.url=jdbc:h2:file:"
            + settings.storageDir().toAbsolutePath().resolve("registry"));
    command.add("-Dapicurio.rules.global.compatibility=BACKWARD");
    command.add("-cp");
    command.add(ownLocation() + File.pathSeparator + runner);
    command.add(ParentWatch.class.getName());
    command.add(mainClass(runner));
    return command;
  }

  private static Path runnerJar(Path distribution) throws IOException {
    if (!Files.isDirectory(distribution)) {
      throw new RegistryStartException(
          "the embedded schema registry is not installed: " + distribution + " does not exist");
    }
    try (Stream<Path> files = Files.list(distribution)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith("-runner.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new RegistryStartException(
                      "the embedded schema registry is not installed: no *-runner.jar in "
                          + distribution));
    }
  }

  private static String mainClass(Path runner) throws IOException {
    try (JarFile jar = new JarFile(runner.toFile())) {
      return jar.getManifest().getMainAttributes().getValue("Main-Class");
    }
  }

  /** The jar or directory holding {@link ParentWatch}, for the child's class path. */
  private static String ownLocation() {
    try {
      return Path.of(ParentWatch.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate Millrace's own classes", e);
    }
  }

  private static int choosePort(int preferred) {
    if (preferred == 0) {
      return LocalPorts.anyFree();
    }
    if (LocalPorts.isFree(preferred)) {
      return preferred;
    }
    int fallback = LocalPorts.anyFree();
    LOG.warn(
        "Port {} is already in use (another schema registry?); the embedded schema registry "
            + "listens on port {} instead",
        preferred,
        fallback);
    return fallback;
  }

  private static boolean answers(HttpClient http, HttpRequest probe) {
    try {
      return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new RegistryStartException("interrupted while waiting for the schema registry");
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new RegistryStartException("interrupted while waiting for the schema registry");
    }
  }
}
