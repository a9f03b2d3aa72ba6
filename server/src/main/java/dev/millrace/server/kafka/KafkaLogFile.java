package dev.millrace.server.kafka;

import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * Points the Kafka log file of Millrace's {@code log4j2.xml} at {@code <dataDir>/logs}. Logging is
 * configured before the data directory is known, so the file's directory is read from the {@code
 * millrace.log.dir} system property and the configuration reloaded once it is set. A property set
 * by the user (or a test run) wins.
 */
public final class KafkaLogFile {

  /** The system property naming the directory of Millrace's log files. */
  public static final String LOG_DIR_PROPERTY = "millrace.log.dir";

  /** The log directory {@code log4j2.xml} uses when the property is not set. */
  private static final String DEFAULT_LOG_DIR = "millrace-data/logs";

  private KafkaLogFile() {}

  /** Where Kafka's log is written, for messages that send the user there. */
  public static Path path() {
    return Path.of(System.getProperty(LOG_DIR_PROPERTY, DEFAULT_LOG_DIR), "kafka.log");
  }

  /**
   * Sends Kafka's log to {@code <dataDir>/logs/kafka.log} unless a log directory is already set.
   */
  public static synchronized void useDataDir(Path dataDir) {
    if (System.getProperty(LOG_DIR_PROPERTY) != null) {
      return;
    }
    System.setProperty(LOG_DIR_PROPERTY, dataDir.resolve("logs").toAbsolutePath().toString());
    if (LogManager.getContext(false) instanceof LoggerContext context) {
      context.reconfigure();
    }
  }
}
