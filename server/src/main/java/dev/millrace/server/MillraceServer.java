package dev.millrace.server;

import dev.millrace.engine.function.ExtensionJars;
import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.registry.SchemaRegistries;
import dev.millrace.engine.runtime.RuntimeConfig;
import dev.millrace.engine.state.RocksDbMemory;
import dev.millrace.server.api.ServerInfo;
import dev.millrace.server.config.ServerConfig;
import dev.millrace.server.http.Listener;
import dev.millrace.server.http.PeerConnections;
import dev.millrace.server.http.RestServer;
import dev.millrace.server.kafka.BrokerSettings;
import dev.millrace.server.kafka.EmbeddedKafkaBroker;
import dev.millrace.server.kafka.HeartbeatTopic;
import dev.millrace.server.kafka.InstanceId;
import dev.millrace.server.kafka.KafkaBackend;
import dev.millrace.server.kafka.KafkaLogFile;
import dev.millrace.server.kafka.TopicAdmin;
import dev.millrace.server.registry.EmbeddedSchemaRegistry;
import dev.millrace.server.registry.RegistrySettings;
import dev.millrace.server.service.ClusterMembers;
import dev.millrace.server.service.CommandFollower;
import dev.millrace.server.service.CommandLog;
import dev.millrace.server.service.CommandReplay;
import dev.millrace.server.service.CommandSink;
import dev.millrace.server.service.MillraceEngine;
import dev.millrace.server.service.ProcessingLogStream;
import dev.millrace.server.service.PullForwarding;
import dev.millrace.server.service.QueriesFile;
import dev.millrace.server.service.StatementEngine;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A whole Millrace server: an embedded Kafka broker unless {@code bootstrap.servers} names a
 * cluster (and beside it a schema registry, unless {@code ksql.schema.registry.url} names one), the
 * engine with its command log replayed, and the REST API.
 */
public final class MillraceServer implements AutoCloseable {
  public static final String VERSION = "0.1.0";

  /** How long the embedded registry may take to start: seconds usually, more on a busy machine. */
  private static final Duration REGISTRY_START_TIMEOUT = Duration.ofMinutes(3);

  private static final Duration PEER_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final Optional<EmbeddedSchemaRegistry> registry;
  private final Optional<EmbeddedKafkaBroker> broker;
  private final CommandLog commandLog;
  private final Optional<CommandFollower> follower;
  private final HeartbeatTopic heartbeats;
  private final StatementEngine engine;
  private final RestServer rest;
  private final String bootstrapServers;

  private MillraceServer(
      Optional<EmbeddedSchemaRegistry> registry,
      Optional<EmbeddedKafkaBroker> broker,
      CommandLog commandLog,
      Optional<CommandFollower> follower,
      HeartbeatTopic heartbeats,
      StatementEngine engine,
      RestServer rest,
      String bootstrapServers) {
    this.registry = registry;
    this.broker = broker;
    this.commandLog = commandLog;
    this.follower = follower;
    this.heartbeats = heartbeats;
    this.engine = engine;
    this.rest = rest;
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts everything, reporting progress to {@code progress}; throws if any part cannot start. */
  public static MillraceServer start(ServerConfig config, Consumer<String> progress)
      throws Exception {
    Path dataDir = config.dataDir().toAbsolutePath();
    KafkaLogFile.useDataDir(dataDir);
    // Launched first: it starts while the broker does, and needs nothing of it.
    Optional<EmbeddedSchemaRegistry> registry = launchRegistry(config, dataDir, progress);
    Optional<EmbeddedKafkaBroker> broker = Optional.empty();
    try {
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
      ServerConfig withRegistry = config;
      if (registry.isPresent()) {
        String url = registry.get().awaitReady(REGISTRY_START_TIMEOUT).url();
        progress.accept("Schema registry ready at " + url);
        withRegistry = config.with(SchemaRegistries.URL, url);
      }
      return startEngine(withRegistry, dataDir, bootstrap, registry, broker, progress);
    } catch (Exception | Error failed) {
      broker.ifPresent(EmbeddedKafkaBroker::close);
      registry.ifPresent(EmbeddedSchemaRegistry::close);
      throw failed;
    }
  }

  /**
   * Launches the embedded schema registry when the server runs its own broker, no registry is
   * configured, and Millrace was installed with one (the launcher's); does not wait for it.
   */
  private static Optional<EmbeddedSchemaRegistry> launchRegistry(
      ServerConfig config, Path dataDir, Consumer<String> progress) {
    if (config.bootstrapServers().isPresent() || config.get(SchemaRegistries.URL).isPresent()) {
      return Optional.empty();
    }
    Optional<RegistrySettings> settings =
        RegistrySettings.installed(
            config.get(RegistrySettings.PORT_PROPERTY),
            dataDir,
            KafkaLogFile.path().toAbsolutePath().getParent());
    if (settings.isEmpty()) {
      progress.accept(
          "No schema registry: AVRO, PROTOBUF and JSON_SR need "
              + SchemaRegistries.URL
              + " in the server's configuration");
      return Optional.empty();
    }
    progress.accept(
        "Starting the embedded schema registry (schemas in "
            + settings.get().storageDir()
            + ") ...");
    return Optional.of(EmbeddedSchemaRegistry.launch(settings.get()));
  }

  private static MillraceServer startEngine(
      ServerConfig config,
      Path dataDir,
      String bootstrap,
      Optional<EmbeddedSchemaRegistry> registry,
      Optional<EmbeddedKafkaBroker> broker,
      Consumer<String> progress)
      throws Exception {
    String serviceId = config.serviceId();
    RuntimeConfig runtime =
        RuntimeConfig.of(bootstrap, serviceId, dataDir.resolve("state"))
            .withInstanceId(InstanceId.of(dataDir))
            .withProcessingLogTopic(ProcessingLogStream.topic(serviceId))
            .withClientProperties(config.kafkaClientSecurity())
            .withStateMemory(RocksDbMemory.ofTotal(config.stateMemoryBytes()));
    ExtensionJars.Loaded extensions =
        ExtensionJars.load(config.extensionDir(), FunctionRegistry.builtIns());
    extensions.skipped().forEach(progress);
    FunctionRegistry functions = extensions.functions();
    Optional<Path> queriesFile = config.queriesFile();
    CommandLog commandLog = CommandLog.open(bootstrap, config.kafkaClientSecurity(), serviceId);
    StatementEngine engine =
        new StatementEngine(
            new KafkaBackend(
                runtime,
                functions,
                config.pullRestoreWait(),
                SchemaRegistries.fromConfig(config.ksqlProperties()),
                config.restartBackoff()),
            // Headless, the queries file is the whole truth: nothing is logged or replayed.
            queriesFile.isPresent() ? CommandSink.NONE : commandLog,
            functions,
            config.ksqlProperties(),
            false);
    MillraceEngine facade;
    Optional<CommandFollower> follower = Optional.empty();
    try {
      ProcessingLogStream.register(engine, serviceId);
      String clusterId;
      try (TopicAdmin admin = TopicAdmin.connect(bootstrap, config.kafkaClientSecurity())) {
        clusterId = admin.clusterId();
      }
      ServerInfo info = new ServerInfo(VERSION, clusterId, serviceId, "RUNNING");
      if (queriesFile.isPresent()) {
        facade =
            new MillraceEngine(
                engine,
                info,
                () -> true,
                List.of(ProcessingLogStream.topic(serviceId), HeartbeatTopic.topicName(serviceId)),
                true);
        progress.accept("Headless mode: running the statements of " + queriesFile.get() + " ...");
        int ran = QueriesFile.run(engine, queriesFile.get());
        progress.accept("Ran " + ran + " statements; REST accepts no statements (headless mode)");
      } else {
        CommandReplay replay = commandLog.replay();
        boolean wholeLog = replay.skipped().isEmpty();
        facade =
            new MillraceEngine(
                engine,
                info,
                () -> wholeLog && engine.topicExists(commandLog.topic()),
                List.of(
                    commandLog.topic(),
                    ProcessingLogStream.topic(serviceId),
                    HeartbeatTopic.topicName(serviceId)),
                false);
        restore(engine, replay, facade, progress);
        follower =
            Optional.of(CommandFollower.start(commandLog, engine, replay.end(), facade::restored));
      }
    } catch (RuntimeException failed) {
      follower.ifPresent(CommandFollower::close);
      engine.close();
      commandLog.close();
      throw failed;
    }
    RestServer rest =
        new RestServer(
            facade,
            RestServer.Options.of(config.listeners().stream().map(Listener::of).toList())
                .withRequestLimits(
                    config.httpMaxBodyBytes(),
                    config.httpBodyIdleTimeout(),
                    config.httpHeaderTimeout())
                .withInsertsIdleTimeout(config.httpInsertsIdleTimeout()),
            config.restSecurity());
    rest.start();
    HeartbeatTopic heartbeats;
    try {
      heartbeats = joinCluster(config, bootstrap, engine, rest);
    } catch (RuntimeException failed) {
      rest.close();
      follower.ifPresent(CommandFollower::close);
      engine.close();
      commandLog.close();
      throw failed;
    }
    progress.accept(
        "Millrace "
            + VERSION
            + " is listening on "
            + String.join(", ", rest.uris().stream().map(URI::toString).toList())
            + " (data in "
            + dataDir
            + ", logs in "
            + KafkaLogFile.path().getParent()
            + ")");
    return new MillraceServer(
        registry, broker, commandLog, follower, heartbeats, engine, rest, bootstrap);
  }

  /**
   * Starts the heartbeats through which the servers of the service know each other, and lets pull
   * queries ask the owners of partitions this server does not hold.
   */
  private static HeartbeatTopic joinCluster(
      ServerConfig config, String bootstrap, StatementEngine engine, RestServer rest) {
    String self = config.advertisedListener().orElse(rest.uri()).toString().replaceAll("/+$", "");
    HeartbeatTopic heartbeats =
        HeartbeatTopic.start(
            bootstrap,
            config.kafkaClientSecurity(),
            config.serviceId(),
            self,
            config.heartbeatInterval(),
            () -> engine.hostReport().toJson(),
            Clock.systemUTC());
    engine.joinCluster(
        new PullForwarding(
            new ClusterMembers(
                heartbeats::latest, self, config.heartbeatWindow(), Clock.systemUTC()),
            PeerConnections.client(config.restSecurity().tls(), PEER_CONNECT_TIMEOUT)),
        heartbeats::close);
    return heartbeats;
  }

  /** Replays the command log: the catalog and queries as the last run left them. */
  private static void restore(
      StatementEngine engine,
      CommandReplay replay,
      MillraceEngine facade,
      Consumer<String> progress) {
    if (!replay.commands().isEmpty()) {
      progress.accept(
          "Restoring " + replay.commands().size() + " statements from the command log ...");
    }
    List<String> skipped = engine.replay(replay.commands(), facade::restored);
    skipped.forEach(reason -> progress.accept("Skipped on restore: " + reason));
  }

  public URI uri() {
    return rest.uri();
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The base URL of the schema registry the server started, if it started one. */
  public Optional<String> embeddedRegistryUrl() {
    return registry.map(EmbeddedSchemaRegistry::url);
  }

  /**
   * Stops the REST API, the heartbeats, the following of the command log, the queries, the command
   * log, the embedded broker and the embedded registry, in that order.
   */
  @Override
  public void close() throws Exception {
    rest.close();
    heartbeats.close();
    follower.ifPresent(CommandFollower::close);
    engine.close();
    commandLog.close();
    broker.ifPresent(EmbeddedKafkaBroker::close);
    registry.ifPresent(EmbeddedSchemaRegistry::close);
  }
}
