package dev.millrace.server.kafka;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the embedded broker needs to know: where its data lives, the client port it would like, and
 * any broker properties that override Millrace's single-node defaults.
 *
 * @param dataDir the server's data directory; the broker keeps its logs under {@code
 *     <dataDir>/kafka}
 * @param preferredPort the client port to try first; {@code 0} means any free port
 * @param overrides broker properties applied last (for example {@code num.partitions})
 */
public record BrokerSettings(Path dataDir, int preferredPort, Map<String, String> overrides) {

  /** The port other Kafka tools expect a local broker on. */
  public static final int DEFAULT_PORT = 9092;

  public BrokerSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    if (preferredPort < 0 || preferredPort > 65535) {
      throw new IllegalArgumentException("broker port must be 0..65535, got " + preferredPort);
    }
    overrides = Map.copyOf(overrides);
  }

  /** Settings for a broker on {@link #DEFAULT_PORT} with no overrides. */
  public static BrokerSettings of(Path dataDir) {
    return new BrokerSettings(dataDir, DEFAULT_PORT, Map.of());
  }

  /** These settings with another preferred client port ({@code 0} for any free port). */
  public BrokerSettings withPort(int port) {
    return new BrokerSettings(dataDir, port, overrides);
  }

  /** These settings with one more broker property override. */
  public BrokerSettings withOverride(String key, String value) {
    Map<String, String> merged = new TreeMap<>(overrides);
    merged.put(key, value);
    return new BrokerSettings(dataDir, preferredPort, merged);
  }

  /** The directory holding the broker's log segments and metadata log. */
  public Path logDir() {
    return dataDir.resolve("kafka");
  }
}
