package dev.millrace.server.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The real schema registry of the tests: one Apicurio process for the whole test JVM, started on
 * first use from the distribution the build unpacked ({@code millrace.test.schema.registry.dist},
 * set by the server module's surefire configuration) and stopped when the JVM exits. Tests share
 * it, so each uses subjects (topics) of its own.
 */
public final class TestSchemaRegistry {
  /** The system property naming the unpacked distribution in test runs. */
  public static final String DISTRIBUTION = "millrace.test.schema.registry.dist";

  private static EmbeddedSchemaRegistry shared;

  private TestSchemaRegistry() {}

  /** The base URL of the shared registry's Confluent-compatible API; starts it on first use. */
  public static synchronized String url() {
    if (shared == null) {
      shared = start(workDir(), 0);
      EmbeddedSchemaRegistry stopping = shared;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(stopping::close, "test-schema-registry-stop"));
    }
    return shared.url();
  }

  /** A registry of its own, with its data under {@code dataDir}, ready to use. */
  public static EmbeddedSchemaRegistry start(Path dataDir, int port) {
    return EmbeddedSchemaRegistry.launch(settings(dataDir, port)).awaitReady(Duration.ofMinutes(3));
  }

  /** Settings for a registry of the unpacked distribution, data and log under {@code dataDir}. */
  public static RegistrySettings settings(Path dataDir, int port) {
    return new RegistrySettings(
        distribution(), dataDir, port, dataDir.resolve("logs").resolve("schema-registry.log"));
  }

  /** The unpacked Apicurio distribution. */
  public static Path distribution() {
    String dist = System.getProperty(DISTRIBUTION);
    if (dist == null) {
      throw new IllegalStateException(
          DISTRIBUTION + " is not set: run the tests through Maven, which unpacks the registry");
    }
    return Path.of(dist);
  }

  private static Path workDir() {
    try {
      Path target = distribution().getParent();
      Files.createDirectories(target);
      return Files.createTempDirectory(target, "test-schema-registry");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
