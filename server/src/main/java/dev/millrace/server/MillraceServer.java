package dev.millrace.server;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.registry.SchemaRegistries;
import dev.millrace.engine.runtime.RuntimeConfig;
import dev.millrace.server.api.ServerInfo;
import dev.millrace.server.config.ServerConfig;
import dev.millrace.server.http.RestServer;
import dev.millrace.server.kafka.BrokerSettings;
import dev.millrace.server.kafka.EmbeddedKafkaBroker;
import dev.millrace.server.kafka.KafkaBackend;
import dev.millrace.server.kafka.KafkaLogFile;
import dev.millrace.server.service.CommandLog;
import dev.millrace.server.service.MillraceEngine;
import dev.millrace.server.service.ProcessingLogStream;
import dev.millrace.server.service.StatementEngine;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A whole Millrace server: an embedded Kafka broker unless {@code bootstrap.servers} names a
 * cluster, the engine with its command log replayed, and the REST API.
 */
public final class MillraceServer implements AutoCloseable {
  public static final String VERSION = "0.1.0";

  private final Optional<EmbeddedKafkaBroker> broker;
  private final CommandLog commandLog;
  private final StatementEngine engine;
  private final RestServer rest;
  private final String bootstrapServers;

  private MillraceServer(
      Optional<EmbeddedKafkaBroker> broker,
      CommandLog commandLog,
      StatementEngine engine,
      RestServer rest,
      String bootstrapServers) {
    this.broker = broker;
    this.commandLog = commandLog;
    this.engine = engine;
    this.rest = rest;
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts everything, reporting progress to {@code progress}; throws if any part cannot start. */
  public static MillraceServer start(ServerConfig config, Consumer<String> progress)
      throws Exception {
    Path dataDir = config.dataDir().toAbsolutePath();
    KafkaLogFile.useDataDir(dataDir);
    Optional<EmbeddedKafkaBroker> broker = Optional.empty();
    String bootstrap;
    if (config.bootstrapServers().isPresent()) {
      bootstrap = config.bootstrapServers().get();
      progress.accept("Using the Kafka cluster at " + bootstrap);
    } else {
      progress.accept(
          "Starting the embedded Kafka broker (data in " + dataDir.resolve("kafka") + ") ...");
      EmbeddedKafkaBroker started =
          EmbeddedKafkaBroker.start(
              BrokerSettings.of(dataDir).withPort(config.embeddedKafkaPort()));
      broker = Optional.of(started);
      bootstrap = started.bootstrapServers();
      progress.accept("Kafka broker ready at " + bootstrap);
    }
    try {
      return startEngine(config, dataDir, bootstrap, broker, progress);
    } catch (Exception | Error failed) {
      broker.ifPresent(EmbeddedKafkaBroker::close);
      throw failed;
    }
  }

  private static MillraceServer startEngine(
      ServerConfig config,
      Path dataDir,
      String bootstrap,
      Optional<EmbeddedKafkaBroker> broker,
      Consumer<String> progress)
      throws Exception {
    String serviceId = config.serviceId();
    RuntimeConfig runtime =
        RuntimeConfig.of(bootstrap, serviceId, dataDir.resolve("state"))
            .withProcessingLogTopic(ProcessingLogStream.topic(serviceId));
    FunctionRegistry functions = FunctionRegistry.builtIns();
    CommandLog commandLog = CommandLog.open(bootstrap, serviceId);
    StatementEngine engine =
        new StatementEngine(
            new KafkaBackend(
                runtime,
                functions,
                config.pullRestoreWait(),
                SchemaRegistries.fromConfig(config.ksqlProperties())),
            commandLog,
            functions,
            config.ksqlProperties(),
            false);
    ProcessingLogStream.register(engine, serviceId);
    var replay = commandLog.replay();
    if (!replay.commands().isEmpty()) {
      progress.accept(
          "Restoring " + replay.commands().size() + " statements from the command log ...");
    }
    List<String> skipped = engine.replay(replay.commands());
    skipped.forEach(reason -> progress.accept("Skipped on restore: " + reason));
    URI listener = config.listeners().get(0);
    MillraceEngine facade =
        new MillraceEngine(engine, new ServerInfo(VERSION, "", serviceId, "RUNNING"));
    RestServer rest =
        new RestServer(
            facade,
            RestServer.Options.of(listener.getHost(), listener.getPort())
                .withRequestLimits(
                    config.httpMaxBodyBytes(),
                    config.httpBodyIdleTimeout(),
                    config.httpHeaderTimeout()));
    rest.start();
    progress.accept(
        "Millrace "
            + VERSION
            + " is listening on "
            + rest.uri()
            + " (data in "
            + dataDir
            + ", logs in "
            + KafkaLogFile.path().getParent()
            + ")");
    return new MillraceServer(broker, commandLog, engine, rest, bootstrap);
  }

  public URI uri() {
    return rest.uri();
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Stops the REST API, the queries, the command log and the embedded broker, in that order. */
  @Override
  public void close() throws Exception {
    rest.close();
    engine.close();
    commandLog.close();
    broker.ifPresent(EmbeddedKafkaBroker::close);
  }
}
