package dev.millrace.server.service;

import dev.millrace.server.kafka.BrokerSettings;
import dev.millrace.server.kafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The embedded broker for the tests of one class: started before the first and closed after the
 * last, its data in a temporary directory of its own, where the servers the tests start keep their
 * state too. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();
 * }</pre>
 */
final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {
  private final UnaryOperator<BrokerSettings> settings;
  private Path dataDir;
  private EmbeddedKafkaBroker broker;
  private Admin admin;

  KafkaBrokerExtension() {
    this(settings -> settings);
  }

  /** A broker with what {@code settings} makes of the usual settings (an override, say). */
  KafkaBrokerExtension(UnaryOperator<BrokerSettings> settings) {
    this.settings = settings;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dataDir = Files.createTempDirectory("millrace-test");
    broker = EmbeddedKafkaBroker.start(settings.apply(BrokerSettings.of(dataDir).withPort(0)));
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (admin != null) {
      admin.close();
    }
    broker.close();
    deleteRecursively(dataDir);
  }

  /** The directory of the broker's data, where tests keep other state too. */
  Path dataDir() {
    return dataDir;
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /** An admin client of the broker, made on first use and closed with the broker. */
  Admin admin() {
    if (admin == null) {
      admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrapServers()));
    }
    return admin;
  }

  /** The names of the broker's topics. */
  Set<String> topics() {
    try {
      return admin().listTopics().names().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A server of the service on this broker (see {@link EngineOnKafka}), its state in the directory
   * named by its instance id.
   */
  EngineOnKafka server(String serviceId, String instanceId, Duration restoreWait) {
    return EngineOnKafka.start(
        bootstrapServers(), serviceId, instanceId, dataDir.resolve(instanceId), restoreWait);
  }

  /** Deletes {@code directory} and everything in it, if it exists. */
  static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
