package dev.millrace.server.config;

import dev.millrace.engine.runtime.RestartBackoff;
import dev.millrace.engine.state.RocksDbMemory;
import dev.millrace.server.http.RestSecurity;
import dev.millrace.server.http.RestServer;
import dev.millrace.server.registry.RegistrySettings;
import dev.millrace.server.service.PropertyValues;
import dev.millrace.server.service.QueriesFile;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The server's configuration: an optional properties file, then overrides (command line), over
 * defaults. Every setting is honoured or refused: values are checked when the config is built, and
 * a bad value, an unknown setting or one Millrace does not honour ({@link KsqlSettings}, {@link
 * PropertyValues}) stops the server at start-up with a message naming the key.
 */
public final class ServerConfig {

  public static final String LISTENERS = "listeners";
  public static final String DATA_DIR = "millrace.data.dir";
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";

  /** ksqlDB's spelling of {@link #BOOTSTRAP_SERVERS}, used when that is absent. */
  public static final String KSQL_BOOTSTRAP_SERVERS = "ksql.streams.bootstrap.servers";

  public static final String SERVICE_ID = "ksql.service.id";

  private static final String MILLRACE_PREFIX = "millrace.";
  public static final String EMBEDDED_KAFKA_PORT = "millrace.embedded.kafka.port";

  /**
   * How long a pull query waits for a table's state being restored before it answers "not ready".
   */
  public static final String PULL_RESTORE_WAIT_MS = "millrace.pull.restore.wait.ms";

  /** The largest request body the REST API reads; larger ones are answered 413. */
  public static final String HTTP_MAX_BODY_BYTES = "millrace.http.max.body.bytes";

  /** How long a request body may stall before the request is answered 408. */
  public static final String HTTP_BODY_IDLE_TIMEOUT_MS = "millrace.http.body.idle.timeout.ms";

  /** How long a client may take to send a request's line and headers. */
  public static final String HTTP_HEADER_TIMEOUT_MS = "millrace.http.header.timeout.ms";

  public static final String HTTP_INSERTS_IDLE_TIMEOUT_MS = "millrace.http.inserts.idle.timeout.ms";

  /** How long a query failed by a SYSTEM error waits before its first restart (ksqlDB's name). */
  public static final String QUERY_RETRY_BACKOFF_INITIAL_MS = "ksql.query.retry.backoff.initial.ms";

  /** The longest wait between restarts of a query that keeps failing (ksqlDB's name). */
  public static final String QUERY_RETRY_BACKOFF_MAX_MS = "ksql.query.retry.backoff.max.ms";

  /**
   * The URL other servers of the service reach this one by (ksqlDB's name); the first listener's by
   * default.
   */
  public static final String ADVERTISED_LISTENER = "ksql.advertised.listener";

  /** The directory whose jars hold user functions (UDF, UDAF, UDTF); ksqlDB's name and default. */
  public static final String EXTENSION_DIR = "ksql.extension.dir";

  /**
   * The native memory (block cache and memtables) all RocksDB stores of the server's queries share,
   * in bytes: ksqlDB's name for the bound its bounded-memory RocksDB setter enforces.
   */
  public static final String STATE_MEMORY_BYTES = "ksql.plugins.rocksdb.cache.size";

  /** Whether the servers of a service exchange heartbeats (ksqlDB's name; Millrace's always do). */
  public static final String HEARTBEAT_ENABLE = "ksql.heartbeat.enable";

  /** How often a server sends the others of its service a heartbeat (ksqlDB's name and default). */
  public static final String HEARTBEAT_SEND_INTERVAL_MS = "ksql.heartbeat.send.interval.ms";

  /**
   * How recent a server's last heartbeat must be for it to count as up (ksqlDB's name and default).
   */
  public static final String HEARTBEAT_WINDOW_MS = "ksql.heartbeat.window.ms";

  private static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofMillis(100);
  private static final Duration DEFAULT_HEARTBEAT_WINDOW = Duration.ofMillis(2_000);

  /**
   * Millrace's own settings beyond ksqlDB's; {@code ssl.*}, {@code sasl.*}, {@code security.*} and
   * {@code authentication.*} are checked by the security configurations.
   */
  private static final Set<String> OWN_SETTINGS =
      Set.of(
          LISTENERS,
          DATA_DIR,
          BOOTSTRAP_SERVERS,
          EMBEDDED_KAFKA_PORT,
          PULL_RESTORE_WAIT_MS,
          HTTP_MAX_BODY_BYTES,
          HTTP_BODY_IDLE_TIMEOUT_MS,
          HTTP_HEADER_TIMEOUT_MS,
          HTTP_INSERTS_IDLE_TIMEOUT_MS,
          RegistrySettings.PORT_PROPERTY,
          RestSecurityConfig.JAAS_CONFIG);

  private static final Map<String, String> DEFAULTS =
      Map.of(
          LISTENERS, "http://0.0.0.0:8088",
          DATA_DIR, "./millrace-data",
          SERVICE_ID, "default_",
          EMBEDDED_KAFKA_PORT, "9092");
  private static final Duration DEFAULT_PULL_RESTORE_WAIT = Duration.ofSeconds(3);

  private final SortedMap<String, String> properties;
  private static final Set<String> WEB_SCHEMES = Set.of("http", "https");

  private final List<URI> listeners;
  private final int embeddedKafkaPort;
  private final Duration pullRestoreWait;
  private final int httpMaxBodyBytes;
  private final Duration httpBodyIdleTimeout;
  private final Duration httpHeaderTimeout;
  private final Duration httpInsertsIdleTimeout;
  private final RestSecurity restSecurity;
  private final Map<String, Object> kafkaClientSecurity;
  private final RestartBackoff restartBackoff;
  private final long stateMemoryBytes;
  private final Duration heartbeatInterval;
  private final Duration heartbeatWindow;

  private ServerConfig(Map<String, String> properties) {
    this.properties = Collections.unmodifiableSortedMap(new TreeMap<>(properties));
    this.listeners = parseListeners(this.properties.get(LISTENERS));
    this.embeddedKafkaPort =
        parsePort(EMBEDDED_KAFKA_PORT, this.properties.get(EMBEDDED_KAFKA_PORT));
    this.pullRestoreWait =
        get(PULL_RESTORE_WAIT_MS)
            .map(value -> parseMillis(PULL_RESTORE_WAIT_MS, value))
            .orElse(DEFAULT_PULL_RESTORE_WAIT);
    // The HTTP limits' defaults live with the server they configure (RestServer.Options).
    this.httpMaxBodyBytes =
        parsePositive(HTTP_MAX_BODY_BYTES, RestServer.Options.DEFAULT_MAX_BODY_BYTES);
    this.httpBodyIdleTimeout =
        Duration.ofMillis(
            parsePositive(
                HTTP_BODY_IDLE_TIMEOUT_MS,
                RestServer.Options.DEFAULT_BODY_IDLE_TIMEOUT.toMillis()));
    this.httpHeaderTimeout =
        Duration.ofMillis(
            parsePositive(
                HTTP_HEADER_TIMEOUT_MS, RestServer.Options.DEFAULT_HEADER_TIMEOUT.toMillis()));
    this.httpInsertsIdleTimeout =
        Duration.ofMillis(
            parsePositive(
                HTTP_INSERTS_IDLE_TIMEOUT_MS,
                RestServer.Options.DEFAULT_INSERTS_IDLE_TIMEOUT.toMillis()));
    this.restSecurity = RestSecurityConfig.parse(this.properties, listeners);
    this.kafkaClientSecurity =
        KafkaClientSecurity.parse(this.properties, RestSecurityConfig.LISTENER_ONLY_KEYS);
    this.restartBackoff = parseRestartBackoff();
    this.stateMemoryBytes = parseStateMemory();
    this.heartbeatInterval = millis(HEARTBEAT_SEND_INTERVAL_MS, DEFAULT_HEARTBEAT_INTERVAL);
    this.heartbeatWindow = millis(HEARTBEAT_WINDOW_MS, DEFAULT_HEARTBEAT_WINDOW);
    if (heartbeatInterval.isZero()) {
      throw ConfigException.invalid(
          HEARTBEAT_SEND_INTERVAL_MS, "0", "a number of milliseconds above 0");
    }
    if (heartbeatWindow.compareTo(heartbeatInterval) < 0) {
      // A window shorter than the interval would count every server as down between heartbeats.
      throw ConfigException.invalid(
          HEARTBEAT_WINDOW_MS,
          String.valueOf(heartbeatWindow.toMillis()),
          "at least " + HEARTBEAT_SEND_INTERVAL_MS + " (" + heartbeatInterval.toMillis() + ")");
    }
    refuseUnreachableAdvertisedListener();
    if (serviceId().isEmpty()) {
      throw ConfigException.invalid(SERVICE_ID, "", "a non-empty service id");
    }
    this.properties.forEach(ServerConfig::refuseIfNotHonoured);
  }

  /**
   * Stops the start on a setting the server would not honour: an unknown one, or a ksqlDB or Kafka
   * Streams setting Millrace refuses. Query settings given server-wide take the values they take in
   * a SET.
   */
  private static void refuseIfNotHonoured(String key, String value) {
    if (OWN_SETTINGS.contains(key) || isSecuritySetting(key)) {
      return;
    }
    Optional<String> problem =
        key.startsWith(MILLRACE_PREFIX)
            ? Optional.of(
                "Unknown setting '"
                    + key
                    + "'"
                    + NearestName.hint(
                        key,
                        OWN_SETTINGS.stream().filter(k -> k.startsWith(MILLRACE_PREFIX)).toList()))
            : PropertyValues.serverProblem(key, value);
    problem.ifPresent(
        reason -> {
          throw new ConfigException(reason, null);
        });
  }

  /** The TLS, login and Kafka client security settings, which their own parsers check. */
  private static boolean isSecuritySetting(String key) {
    String name =
        key.startsWith(KafkaClientSecurity.STREAMS_PREFIX)
            ? key.substring(KafkaClientSecurity.STREAMS_PREFIX.length())
            : key;
    return name.startsWith("ssl.")
        || name.startsWith("sasl.")
        || name.startsWith("security.")
        || key.startsWith("authentication.");
  }

  private Duration millis(String key, Duration defaultValue) {
    return get(key).map(value -> parseMillis(key, value)).orElse(defaultValue);
  }

  /** The defaults with {@code properties} on top. */
  public static ServerConfig of(Map<String, String> properties) {
    Map<String, String> merged = new TreeMap<>(DEFAULTS);
    properties.forEach((key, value) -> merged.put(key.trim(), value.trim()));
    return new ServerConfig(merged);
  }

  /**
   * The defaults, then the properties file if given, then {@code overrides}.
   *
   * @throws ConfigException if the file cannot be read or a value is invalid
   */
  public static ServerConfig load(Optional<Path> file, Map<String, String> overrides) {
    Map<String, String> merged = new TreeMap<>();
    file.ifPresent(path -> merged.putAll(readFile(path)));
    merged.putAll(overrides);
    return of(merged);
  }

  private static Map<String, String> readFile(Path path) {
    Properties loaded = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      loaded.load(reader);
    } catch (NoSuchFileException e) {
      throw new ConfigException("cannot read config file " + path + ": no such file", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("cannot read config file " + path + ": " + e.getMessage(), e);
    }
    Map<String, String> map = new TreeMap<>();
    loaded.stringPropertyNames().forEach(key -> map.put(key, loaded.getProperty(key)));
    return map;
  }

  /**
   * The HTTP(S) addresses the REST API listens on ({@code listeners}, comma-separated as in
   * ksqlDB), in the order given.
   */
  public List<URI> listeners() {
    return listeners;
  }

  /** TLS and logins of the REST API ({@code ssl.*}, {@code authentication.*}). */
  public RestSecurity restSecurity() {
    return restSecurity;
  }

  /**
   * The security settings for every Kafka client ({@code security.protocol}, {@code sasl.*}, {@code
   * ssl.*}, also with the {@code ksql.streams.} prefix).
   */
  public Map<String, Object> kafkaClientSecurity() {
    return kafkaClientSecurity;
  }

  /**
   * Where the server keeps its state, and the embedded broker its data ({@code millrace.data.dir}).
   */
  public Path dataDir() {
    return Path.of(properties.get(DATA_DIR));
  }

  /** The Kafka cluster to use; empty means start the embedded broker. */
  public Optional<String> bootstrapServers() {
    return get(BOOTSTRAP_SERVERS).or(() -> get(KSQL_BOOTSTRAP_SERVERS));
  }

  /** The service id ({@code ksql.service.id}); servers sharing it share one command log. */
  public String serviceId() {
    return properties.get(SERVICE_ID);
  }

  /** The client port the embedded broker tries first; {@code 0} means any free port. */
  public int embeddedKafkaPort() {
    return embeddedKafkaPort;
  }

  /** The URL given by {@link #ADVERTISED_LISTENER}, if one is. */
  public Optional<URI> advertisedListener() {
    return get(ADVERTISED_LISTENER).map(value -> parseListener(ADVERTISED_LISTENER, value.trim()));
  }

  /**
   * The other servers of the service forward pull queries to the advertised address, speaking its
   * scheme: an {@code https} address in front of only {@code http} listeners (or the reverse) could
   * never answer them, so the server refuses to start rather than fail every forwarded query.
   */
  private void refuseUnreachableAdvertisedListener() {
    advertisedListener()
        .ifPresent(
            advertised -> {
              boolean served =
                  listeners.stream()
                      .anyMatch(
                          listener ->
                              listener.getScheme().equalsIgnoreCase(advertised.getScheme()));
              if (!served) {
                throw new ConfigException(
                    ADVERTISED_LISTENER
                        + " is "
                        + advertised
                        + ", but no address in "
                        + LISTENERS
                        + " speaks "
                        + advertised.getScheme()
                        + ": the other servers of the service could not reach this one",
                    null);
              }
            });
  }

  /**
   * How long a pull query waits for state being restored ({@code millrace.pull.restore.wait.ms}).
   */
  public Duration pullRestoreWait() {
    return pullRestoreWait;
  }

  /**
   * The largest request body the REST API accepts, in bytes ({@code millrace.http.max.body.bytes}).
   */
  public int httpMaxBodyBytes() {
    return httpMaxBodyBytes;
  }

  /** How long a request body may stall ({@code millrace.http.body.idle.timeout.ms}). */
  public Duration httpBodyIdleTimeout() {
    return httpBodyIdleTimeout;
  }

  /**
   * How long a client may take to send a request's head ({@code millrace.http.header.timeout.ms}).
   */
  public Duration httpHeaderTimeout() {
    return httpHeaderTimeout;
  }

  /**
   * How long an {@code /inserts-stream} request may go without a row before the server ends it
   * ({@code millrace.http.inserts.idle.timeout.ms}).
   */
  public Duration httpInsertsIdleTimeout() {
    return httpInsertsIdleTimeout;
  }

  /**
   * How long a query failed by a SYSTEM error waits before it restarts ({@code
   * ksql.query.retry.backoff.initial.ms}, doubling up to {@code ksql.query.retry.backoff.max.ms}).
   */
  public RestartBackoff restartBackoff() {
    return restartBackoff;
  }

  private RestartBackoff parseRestartBackoff() {
    Duration initial =
        get(QUERY_RETRY_BACKOFF_INITIAL_MS)
            .map(value -> parseMillis(QUERY_RETRY_BACKOFF_INITIAL_MS, value))
            .orElse(RestartBackoff.DEFAULT.initial());
    Duration max =
        get(QUERY_RETRY_BACKOFF_MAX_MS)
            .map(value -> parseMillis(QUERY_RETRY_BACKOFF_MAX_MS, value))
            .orElse(RestartBackoff.DEFAULT.max());
    if (max.compareTo(initial) < 0) {
      throw ConfigException.invalid(
          QUERY_RETRY_BACKOFF_MAX_MS,
          String.valueOf(max.toMillis()),
          "at least " + QUERY_RETRY_BACKOFF_INITIAL_MS + " (" + initial.toMillis() + ")");
    }
    return new RestartBackoff(initial, max);
  }

  /**
   * How many bytes of native memory the RocksDB stores of all queries share ({@code
   * ksql.plugins.rocksdb.cache.size}).
   */
  public long stateMemoryBytes() {
    return stateMemoryBytes;
  }

  /**
   * Reads the total; ksqlDB's other bounded-memory settings tune what Millrace sizes from the total
   * itself, so they stop the start rather than being ignored ({@link KsqlSettings}).
   */
  private long parseStateMemory() {
    String value =
        get(STATE_MEMORY_BYTES).orElse(String.valueOf(RocksDbMemory.DEFAULT_TOTAL_BYTES));
    try {
      long bytes = Long.parseLong(value);
      if (bytes >= RocksDbMemory.MINIMUM_TOTAL_BYTES) {
        return bytes;
      }
    } catch (NumberFormatException notANumber) {
      // reported below with what is accepted
    }
    throw ConfigException.invalid(
        STATE_MEMORY_BYTES,
        value,
        "a number of bytes, at least " + RocksDbMemory.MINIMUM_TOTAL_BYTES + " (16 MiB)");
  }

  /**
   * The file whose statements the server runs at start in headless mode ({@code
   * ksql.queries.file}); empty for the interactive server.
   */
  public Optional<Path> queriesFile() {
    return get(QueriesFile.CONFIG).map(Path::of);
  }

  /**
   * Where user function jars are loaded from ({@code ksql.extension.dir}); like ksqlDB, {@code ext}
   * in the working directory when unset.
   */
  public Path extensionDir() {
    return Path.of(get(EXTENSION_DIR).orElse("ext"));
  }

  /** How often this server sends the others of its service a heartbeat. */
  public Duration heartbeatInterval() {
    return heartbeatInterval;
  }

  /** How recent a server's last heartbeat must be for it to count as up. */
  public Duration heartbeatWindow() {
    return heartbeatWindow;
  }

  /** The value of {@code key}, if set to something non-empty. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(properties.get(key)).filter(value -> !value.isEmpty());
  }

  /** Every {@code ksql.*} property, e.g. to pass on to queries. */
  public SortedMap<String, String> ksqlProperties() {
    return withPrefix("ksql.");
  }

  /** Every {@code millrace.*} property. */
  public SortedMap<String, String> millraceProperties() {
    return withPrefix("millrace.");
  }

  /** All properties, known and unknown, defaults included. */
  public SortedMap<String, String> asMap() {
    return properties;
  }

  /** This config with one property added or replaced. */
  public ServerConfig with(String key, String value) {
    Map<String, String> merged = new TreeMap<>(properties);
    merged.put(key, value);
    return of(merged);
  }

  private SortedMap<String, String> withPrefix(String prefix) {
    // Every key with the prefix sorts between the prefix itself and the prefix followed by the
    // highest char.
    return Collections.unmodifiableSortedMap(
        properties.subMap(prefix, prefix + Character.MAX_VALUE));
  }

  private static List<URI> parseListeners(String value) {
    List<URI> uris = new ArrayList<>();
    for (String part : value.split(",")) {
      uris.add(parseListener(LISTENERS, part.trim()));
    }
    return List.copyOf(uris);
  }

  private static URI parseListener(String key, String value) {
    String expected = "a URL like http://0.0.0.0:8088";
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null || uri.getHost() == null || uri.getPort() < 0) {
        throw ConfigException.invalid(key, value, expected);
      }
      if (!WEB_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
        throw ConfigException.invalid(
            key, value, "an http or https URL (Millrace serves no other scheme)");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw ConfigException.invalid(key, value, expected);
    }
  }

  private static int parsePort(String key, String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException notANumber) {
      // reported below with the accepted range
    }
    throw ConfigException.invalid(key, value, "a port number 0..65535");
  }

  private static Duration parseMillis(String key, String value) {
    try {
      long millis = Long.parseLong(value);
      if (millis >= 0) {
        return Duration.ofMillis(millis);
      }
    } catch (NumberFormatException notANumber) {
      // reported below with what is accepted
    }
    throw ConfigException.invalid(key, value, "a number of milliseconds, 0 or more");
  }

  private int parsePositive(String key, long defaultValue) {
    String value = properties.getOrDefault(key, String.valueOf(defaultValue));
    try {
      int number = Integer.parseInt(value);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // reported below with the accepted range
    }
    throw ConfigException.invalid(key, value, "a whole number above 0");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ServerConfig config && properties.equals(config.properties);
  }

  @Override
  public int hashCode() {
    return properties.hashCode();
  }
}
