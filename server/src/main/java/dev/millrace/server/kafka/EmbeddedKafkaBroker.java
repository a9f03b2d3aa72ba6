package dev.millrace.server.kafka;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker (KRaft, broker and controller in one) running inside the Millrace
 * server's JVM, used when no {@code bootstrap.servers} is configured. Its data lives under {@code
 * <dataDir>/kafka} and survives restarts. It listens on {@code localhost:9092} unless that port is
 * taken, in which case it says so and picks a free port; {@link #bootstrapServers()} is always the
 * address to use.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private final int port;
  private final Path logDir;
  private final DataDirLock lock;
  private final AtomicReference<String> fatalFault = new AtomicReference<>();
  private final Consumer<String> faultListener = fault -> fatalFault.compareAndSet(null, fault);
  private KafkaRaftServer server;
  private boolean closed;

  private EmbeddedKafkaBroker(int port, Path logDir, DataDirLock lock) {
    this.port = port;
    this.logDir = logDir;
    this.lock = lock;
  }

  /**
   * Formats the log directory if it is new, starts the broker and returns once it accepts clients.
   *
   * @throws BrokerStartException if the broker cannot start, for example because another process is
   *     using the same data directory
   */
  public static EmbeddedKafkaBroker start(BrokerSettings settings) {
    long startNanos = System.nanoTime();
    KafkaLogFile.useDataDir(settings.dataDir());
    Path logDir = settings.logDir();
    DataDirLock lock = DataDirLock.acquire(logDir);
    try {
      int port = choosePort(settings.preferredPort());
      boolean fresh = StorageFormat.ensureFormatted(logDir);
      EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(port, logDir, lock);
      broker.startServer(
          BrokerProperties.of(logDir, port, LocalPorts.anyFree(), settings.overrides()));
      LOG.info(
          "Embedded Kafka broker ready on {} in {} ms ({} {})",
          broker.bootstrapServers(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
          fresh ? "new data directory" : "existing data in",
          logDir);
      return broker;
    } catch (RuntimeException e) {
      lock.close();
      throw e;
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
        "Port {} on {} is already in use (another Kafka broker?); the embedded Kafka broker "
            + "listens on {}:{} instead. Kafka tools need --bootstrap-server {}:{}",
        preferred,
        BrokerProperties.HOST,
        BrokerProperties.HOST,
        fallback,
        BrokerProperties.HOST,
        fallback);
    return fallback;
  }

  private void startServer(Map<String, String> properties) {
    FatalExitGuard.watch(faultListener);
    try {
      // The constructor already reads the log directory, so it fails on unreadable data too.
      server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
      server.startup();
    } catch (RuntimeException e) {
      stopQuietly();
      throw new BrokerStartException(
          "the embedded Kafka broker could not start on "
              + bootstrapServers()
              + " with data in "
              + logDir
              + ": "
              + rootMessage(e)
              + " (details in "
              + KafkaLogFile.path()
              + ")",
          e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** The {@code host:port} list Kafka clients connect to. */
  public String bootstrapServers() {
    return BrokerProperties.HOST + ":" + port;
  }

  /** The client port: the preferred one, or the fallback chosen because it was taken. */
  public int port() {
    return port;
  }

  /** The directory holding the broker's data. */
  public Path logDir() {
    return logDir;
  }

  /**
   * The fatal fault the broker reported instead of halting the JVM, if any. A broker with a fatal
   * fault should be considered broken: the server should report it and stop.
   */
  public Optional<String> fatalFault() {
    return Optional.ofNullable(fatalFault.get());
  }

  /** Shuts the broker down cleanly, flushing its logs; waits until it has stopped. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    long startNanos = System.nanoTime();
    stopQuietly();
    LOG.info(
        "Embedded Kafka broker on {} stopped in {} ms",
        bootstrapServers(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
  }

  private void stopQuietly() {
    try {
      if (server == null) {
        return;
      }
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warn(
          "Embedded Kafka broker on {} did not shut down cleanly: {}",
          bootstrapServers(),
          rootMessage(e));
    } finally {
      FatalExitGuard.unwatch(faultListener);
      lock.close();
    }
  }
}
