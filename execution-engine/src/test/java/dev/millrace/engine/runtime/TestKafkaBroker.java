package dev.millrace.engine.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node KRaft broker for the runtime's integration tests, in a temporary directory. The
 * engine must not depend on the server module (which has the real embedded broker), so the tests
 * start their own: one node that is broker and controller, replication factor 1 everywhere.
 */
final class TestKafkaBroker implements AutoCloseable {
  private final Path directory;
  private final int port;
  private final KafkaRaftServer server;

  private TestKafkaBroker(Path directory, int port, KafkaRaftServer server) {
    this.directory = directory;
    this.port = port;
    this.server = server;
  }

  private static TestKafkaBroker shared;

  /**
   * The broker all integration tests of this JVM share (started on first use, stopped at exit): a
   * start takes seconds, and tests keep apart by using their own topics and query ids.
   */
  static synchronized TestKafkaBroker shared() {
    if (shared == null) {
      shared = start();
      TestKafkaBroker broker = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-broker-shutdown"));
    }
    return shared;
  }

  static TestKafkaBroker start() {
    return start(Map.of());
  }

  /** A broker of its own, with {@code overrides} on top of the usual broker properties. */
  static TestKafkaBroker start(Map<String, String> overrides) {
    try {
      Path directory = Files.createTempDirectory("millrace-test-kafka");
      int port = freePort();
      int controllerPort = freePort();
      format(directory);
      Map<String, String> properties = properties(directory, port, controllerPort);
      properties.putAll(overrides);
      KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
      server.startup();
      return new TestKafkaBroker(directory, port, server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String bootstrapServers() {
    return "localhost:" + port;
  }

  private static Map<String, String> properties(Path directory, int port, int controllerPort) {
    Map<String, String> props = new HashMap<>();
    props.put("node.id", "1");
    props.put("process.roles", "broker,controller");
    props.put(
        "listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("controller.listener.names", "CONTROLLER");
    props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
    props.put("log.dirs", directory.toAbsolutePath().toString());
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "2");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "2");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
    props.put("num.partitions", "1");
    return props;
  }

  private static void format(Path directory) {
    try {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(1)
          .setClusterId(Uuid.randomUuid().toString())
          .addDirectory(directory.toAbsolutePath().toString())
          .setMetadataLogDirectory(directory.toAbsolutePath().toString())
          .setControllerListenerName("CONTROLLER")
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot format the test broker's log directory " + directory, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is harmless.
    }
  }
}
