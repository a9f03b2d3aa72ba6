package dev.millrace.server.registry;

import dev.millrace.server.config.ConfigException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the embedded schema registry needs to know.
 *
 * @param distribution the unpacked Apicurio Registry (the directory holding its {@code
 *     *-runner.jar} and {@code lib/})
 * @param dataDir the server's data directory; the registry keeps its schemas under {@code
 *     <dataDir>/schema-registry}
 * @param preferredPort the HTTP port to try first; {@code 0} means any free port
 * @param logFile where the registry's own output goes
 */
public record RegistrySettings(Path distribution, Path dataDir, int preferredPort, Path logFile) {

  /** The port Confluent's schema registry uses, so tools find the embedded one where they look. */
  public static final int DEFAULT_PORT = 8081;

  /** The server property choosing the registry's port; {@code 0} means any free port. */
  public static final String PORT_PROPERTY = "millrace.embedded.schema.registry.port";

  public RegistrySettings {
    Objects.requireNonNull(distribution, "distribution");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(logFile, "logFile");
    if (preferredPort < 0 || preferredPort > 65535) {
      throw new IllegalArgumentException("registry port must be 0..65535, got " + preferredPort);
    }
  }

  /**
   * The settings of a server's embedded registry, if Millrace was installed with one: the launcher
   * names the unpacked distribution in the {@value EmbeddedSchemaRegistry#DISTRIBUTION_PROPERTY}
   * system property.
   *
   * @param port the value of {@value #PORT_PROPERTY}, if set
   * @throws ConfigException if the port is not a port number
   */
  public static Optional<RegistrySettings> installed(
      Optional<String> port, Path dataDir, Path logDir) {
    int chosen = port.map(RegistrySettings::parsePort).orElse(DEFAULT_PORT);
    return Optional.ofNullable(System.getProperty(EmbeddedSchemaRegistry.DISTRIBUTION_PROPERTY))
        .filter(dist -> !dist.isBlank())
        .map(
            dist ->
                new RegistrySettings(
                    Path.of(dist), dataDir, chosen, logDir.resolve("schema-registry.log")));
  }

  private static int parsePort(String value) {
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException notNumber) {
      // Reported below, as out-of-range values are.
    }
    throw ConfigException.invalid(PORT_PROPERTY, value, "a port number 0..65535");
  }

  /** The directory of the registry's database. */
  public Path storageDir() {
    return dataDir.resolve("schema-registry");
  }
}
