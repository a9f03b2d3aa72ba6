package dev.millrace.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.runtime.RestartBackoff;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerConfigTest {

  @TempDir Path dir;

  @Test
  void defaultsStartAnEmbeddedBrokerUnderTheDataDirectory() {
    ServerConfig config = ServerConfig.of(Map.of());

    assertEquals(List.of(URI.create("http://0.0.0.0:8088")), config.listeners());
    assertEquals(Path.of("./millrace-data"), config.dataDir());
    assertEquals(Optional.empty(), config.bootstrapServers());
    assertEquals("default_", config.serviceId());
    assertEquals(9092, config.embeddedKafkaPort());
    assertEquals(Duration.ofSeconds(3), config.pullRestoreWait());
  }

  @Test
  void readsHowLongPullQueriesWaitForStateBeingRestored() {
    assertEquals(
        Duration.ZERO,
        ServerConfig.of(Map.of("millrace.pull.restore.wait.ms", "0")).pullRestoreWait());
    assertEquals(
        Duration.ofMillis(1500),
        ServerConfig.of(Map.of("millrace.pull.restore.wait.ms", "1500")).pullRestoreWait());
  }

  @Test
  void overridesWinOverTheFileWhichWinsOverDefaults() throws Exception {
    Path file = dir.resolve("server.properties");
    Files.writeString(
        file,
        """
                # a ksqlDB-style server file
                listeners=http://localhost:9000
                ksql.service.id=fromfile_
                bootstrap.servers=kafka:9092
                ksql.streams.commit.interval.ms=2000
                """);

    ServerConfig config = ServerConfig.load(Optional.of(file), Map.of("ksql.service.id", "cli_"));

    assertEquals(List.of(URI.create("http://localhost:9000")), config.listeners());
    assertEquals("cli_", config.serviceId());
    assertEquals(Optional.of("kafka:9092"), config.bootstrapServers());
    assertEquals("2000", config.asMap().get("ksql.streams.commit.interval.ms"));
  }

  @Test
  void listenersAreCommaSeparatedAsInKsqlDb() {
    ServerConfig config =
        ServerConfig.of(Map.of("listeners", "http://0.0.0.0:8088, HTTP://127.0.0.1:9088"));
    assertEquals(
        List.of(URI.create("http://0.0.0.0:8088"), URI.create("HTTP://127.0.0.1:9088")),
        config.listeners());
  }

  @Test
  void refusesAnAdvertisedAddressNoListenerSpeaks() {
    assertEquals(
        "ksql.advertised.listener is https://node-1:8088, but no address in listeners speaks https:"
            + " the other servers of the service could not reach this one",
        error(
            Map.of(
                "listeners", "http://0.0.0.0:8088",
                "ksql.advertised.listener", "https://node-1:8088")));
    assertEquals(
        Optional.of(URI.create("HTTP://node-1:8088")),
        ServerConfig.of(
                Map.of(
                    "listeners", "http://0.0.0.0:8088",
                    "ksql.advertised.listener", "HTTP://node-1:8088"))
            .advertisedListener());
  }

  @Test
  void refusesRegistrySettingsTheClientWouldIgnore() {
    assertEquals(
        "Property 'ksql.schema.registry.basic.auth.user.info' is not supported: Millrace's schema"
            + " registry client takes only ksql.schema.registry.url (no TLS or authentication"
            + " towards the registry yet).",
        error(
            Map.of(
                "ksql.schema.registry.url", "https://registry:8081",
                "ksql.schema.registry.basic.auth.user.info", "user:secret")));
    assertEquals(
        Optional.of("http://registry:8081"),
        ServerConfig.of(Map.of("ksql.schema.registry.url", "http://registry:8081"))
            .get("ksql.schema.registry.url"));
  }

  @Test
  void readsTheRocksDbMemoryTotalAndRefusesTheSettingsMillraceSizesItself() {
    assertEquals(256L << 20, ServerConfig.of(Map.of()).stateMemoryBytes());
    assertEquals(
        1L << 30,
        ServerConfig.of(Map.of("ksql.plugins.rocksdb.cache.size", "1073741824"))
            .stateMemoryBytes());
    assertEquals(
        "invalid value '1000' for ksql.plugins.rocksdb.cache.size: expected a number of bytes, at"
            + " least 16777216 (16 MiB)",
        error(Map.of("ksql.plugins.rocksdb.cache.size", "1000")));
    assertEquals(
        "invalid value '1g' for ksql.plugins.rocksdb.cache.size: expected a number of bytes, at"
            + " least 16777216 (16 MiB)",
        error(Map.of("ksql.plugins.rocksdb.cache.size", "1g")));
    assertEquals(
        "Property 'ksql.plugins.rocksdb.num.background.threads' is not supported: Millrace sizes"
            + " RocksDB's block cache, memtables and threads from ksql.plugins.rocksdb.cache.size"
            + " alone.",
        error(Map.of("ksql.plugins.rocksdb.num.background.threads", "4")));
  }

  @Test
  void extensionDirDefaultsToExtLikeKsqlDb() {
    assertEquals(Path.of("ext"), ServerConfig.of(Map.of()).extensionDir());
    assertEquals(
        Path.of("/opt/udfs"),
        ServerConfig.of(Map.of("ksql.extension.dir", "/opt/udfs")).extensionDir());
  }

  @Test
  void passesKsqlAndMillracePropertiesThrough() {
    ServerConfig config =
        ServerConfig.of(
            Map.of(
                "ksql.streams.auto.offset.reset", "earliest",
                "millrace.data.dir", "/var/lib/millrace",
                "linger.ms", "20"));

    assertEquals(
        Map.of("ksql.service.id", "default_", "ksql.streams.auto.offset.reset", "earliest"),
        config.ksqlProperties());
    assertEquals(
        Map.of("millrace.data.dir", "/var/lib/millrace", "millrace.embedded.kafka.port", "9092"),
        config.millraceProperties());
    assertEquals(Optional.of("20"), config.get("linger.ms"));
    assertEquals(Path.of("/var/lib/millrace"), config.dataDir());
  }

  /** A setting the server would not honour stops the start: never silently ignored. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      some.other.key                   | Not recognizable as ksql, streams, consumer, or producer property: 'some.other.key'
      ksql.streams.comit.interval.ms   | Not recognizable as ksql, streams, consumer, or producer property: 'ksql.streams.comit.interval.ms' (did you mean 'ksql.streams.commit.interval.ms'?)
      ksql.query.pull.max.qps          | Property 'ksql.query.pull.max.qps' is not supported: Millrace does not limit the rate of pull queries; limit requests in front of the REST API.
      ksql.logging.processing.topic.replication.factor | Property 'ksql.logging.processing.topic.replication.factor' is not supported: the processing log topic takes the Kafka cluster's default replication factor (the brokers' default.replication.factor).
      ksql.internal.topic.replicas     | Property 'ksql.internal.topic.replicas' is not supported: Millrace creates its internal topics with the Kafka cluster's default replication factor (the brokers' default.replication.factor).
      ksql.streams.replication.factor  | Property 'ksql.streams.replication.factor' is not supported: Millrace creates internal topics with the Kafka cluster's default replication factor (the brokers' default.replication.factor).
      millrace.data.dri                | Unknown setting 'millrace.data.dri' (did you mean 'millrace.data.dir'?)
      """)
  void refusesSettingsItWouldNotHonour(String key, String message) {
    assertEquals(message, error(Map.of(key, "3")));
  }

  @Test
  void acceptsWhatTheProjectsOwnConfigurationsSet() {
    ServerConfig.of(
        Map.of(
            "listeners", "http://0.0.0.0:8088",
            "bootstrap.servers", "k1:9092",
            "ksql.streams.producer.linger.ms", "5",
            "ksql.streams.security.protocol", "PLAINTEXT",
            "ksql.logging.processing.topic.auto.create", "true",
            "ksql.fail.on.deserialization.error", "false",
            "millrace.embedded.schema.registry.port", "0",
            "millrace.authentication.jaas.config", "/etc/jaas.conf"));
  }

  @Test
  void readsTheHeartbeatIntervalAndWindowWithKsqlDbsDefaults() {
    assertEquals(Duration.ofMillis(100), ServerConfig.of(Map.of()).heartbeatInterval());
    assertEquals(Duration.ofMillis(2000), ServerConfig.of(Map.of()).heartbeatWindow());
    ServerConfig tuned =
        ServerConfig.of(
            Map.of("ksql.heartbeat.send.interval.ms", "250", "ksql.heartbeat.window.ms", "5000"));
    assertEquals(Duration.ofMillis(250), tuned.heartbeatInterval());
    assertEquals(Duration.ofMillis(5000), tuned.heartbeatWindow());
    assertEquals(
        "invalid value '50' for ksql.heartbeat.window.ms: expected at least"
            + " ksql.heartbeat.send.interval.ms (100)",
        error(Map.of("ksql.heartbeat.window.ms", "50")));
    assertEquals(
        "invalid value '0' for ksql.heartbeat.send.interval.ms: expected a number of milliseconds"
            + " above 0",
        error(Map.of("ksql.heartbeat.send.interval.ms", "0")));
    assertEquals(
        "invalid value 'soon' for ksql.heartbeat.send.interval.ms: expected a number of"
            + " milliseconds, 0 or more",
        error(Map.of("ksql.heartbeat.send.interval.ms", "soon")));
  }

  @Test
  void acceptsKsqlDbsSpellingOfBootstrapServersAndTreatsEmptyAsAbsent() {
    assertEquals(
        Optional.of("k1:9092"),
        ServerConfig.of(Map.of("ksql.streams.bootstrap.servers", "k1:9092")).bootstrapServers());
    assertEquals(
        Optional.of("k2:9092"),
        ServerConfig.of(
                Map.of("ksql.streams.bootstrap.servers", "k1:9092", "bootstrap.servers", "k2:9092"))
            .bootstrapServers());
    assertEquals(
        Optional.empty(), ServerConfig.of(Map.of("bootstrap.servers", "  ")).bootstrapServers());
  }

  @Test
  void withReplacesOneProperty() {
    ServerConfig config = ServerConfig.of(Map.of()).with("millrace.embedded.kafka.port", "0");

    assertEquals(0, config.embeddedKafkaPort());
    assertEquals(ServerConfig.of(Map.of("millrace.embedded.kafka.port", "0")), config);
  }

  @Test
  void readsTheQueryRestartBackoffWithKsqlDbsDefaults() {
    assertEquals(
        new RestartBackoff(Duration.ofSeconds(15), Duration.ofMinutes(15)),
        ServerConfig.of(Map.of()).restartBackoff());
    assertEquals(
        new RestartBackoff(Duration.ofMillis(500), Duration.ofSeconds(8)),
        ServerConfig.of(
                Map.of(
                    "ksql.query.retry.backoff.initial.ms", "500",
                    "ksql.query.retry.backoff.max.ms", "8000"))
            .restartBackoff());
    assertEquals(
        "invalid value '1000' for ksql.query.retry.backoff.max.ms: expected at least "
            + "ksql.query.retry.backoff.initial.ms (20000)",
        error(
            Map.of(
                "ksql.query.retry.backoff.initial.ms", "20000",
                "ksql.query.retry.backoff.max.ms", "1000")));
    assertEquals(
        "invalid value 'soon' for ksql.query.retry.backoff.initial.ms: expected a number of "
            + "milliseconds, 0 or more",
        error(Map.of("ksql.query.retry.backoff.initial.ms", "soon")));
  }

  @Test
  void rejectsInvalidValuesNamingTheKey() {
    assertEquals(
        "invalid value 'localhost:8088' for listeners: expected a URL like http://0.0.0.0:8088",
        error(Map.of("listeners", "localhost:8088")));
    assertEquals(
        "invalid value 'ftp://host:21' for listeners: expected an http or https URL (Millrace"
            + " serves no other scheme)",
        error(Map.of("listeners", "http://host:1,ftp://host:21")));
    assertEquals(
        "invalid value 'http://host' for listeners: expected a URL like http://0.0.0.0:8088",
        error(Map.of("listeners", "http://host")));
    assertEquals(
        "invalid value 'ninety' for millrace.embedded.kafka.port: expected a port number 0..65535",
        error(Map.of("millrace.embedded.kafka.port", "ninety")));
    assertEquals(
        "invalid value '70000' for millrace.embedded.kafka.port: expected a port number 0..65535",
        error(Map.of("millrace.embedded.kafka.port", "70000")));
    assertEquals(
        "invalid value '-1' for millrace.pull.restore.wait.ms: expected a number of milliseconds, 0 or more",
        error(Map.of("millrace.pull.restore.wait.ms", "-1")));
    assertEquals(
        "invalid value '' for ksql.service.id: expected a non-empty service id",
        error(Map.of("ksql.service.id", "")));
    assertEquals(
        "Invalid value 'soon' for property 'ksql.streams.max.task.idle.ms': it must be a number of "
            + "milliseconds, or -1 to never wait.",
        error(Map.of("ksql.streams.max.task.idle.ms", "soon")));
    assertEquals(
        "Invalid value '-2' for property 'ksql.streams.max.task.idle.ms': it must be a number of "
            + "milliseconds, or -1 to never wait.",
        error(Map.of("ksql.streams.max.task.idle.ms", "-2")));
    assertEquals(
        "Invalid value 'soon' for property 'ksql.streams.commit.interval.ms': it must be a whole number of "
            + "at least 0.",
        error(Map.of("ksql.streams.commit.interval.ms", "soon")));
  }

  @Test
  void reportsAMissingFile() {
    Path missing = dir.resolve("nope.properties");

    var thrown =
        assertThrows(
            ConfigException.class, () -> ServerConfig.load(Optional.of(missing), Map.of()));
    assertEquals("cannot read config file " + missing + ": no such file", thrown.getMessage());
  }

  private static String error(Map<String, String> properties) {
    return assertThrows(ConfigException.class, () -> ServerConfig.of(properties)).getMessage();
  }
}
