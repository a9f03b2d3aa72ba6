package dev.millrace.server.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Formats the broker's log directory on first start, as {@code kafka-storage.sh format} would. A
 * directory that already holds {@code meta.properties} is left alone so that topics, data and
 * committed offsets survive a restart.
 */
final class StorageFormat {

  private StorageFormat() {}

  /** Formats {@code logDir} unless it is already formatted; returns whether it formatted. */
  static boolean ensureFormatted(Path logDir) {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return false;
    }
    try {
      Files.createDirectories(logDir);
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(BrokerProperties.NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .addDirectory(logDir.toAbsolutePath().toString())
          .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
          .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .run();
      return true;
    } catch (IOException e) {
      throw new BrokerStartException(
          "cannot create the Kafka log directory " + logDir + ": " + e.getMessage(), e);
    } catch (Exception e) {
      throw new BrokerStartException(
          "cannot format the Kafka log directory " + logDir + ": " + e.getMessage(), e);
    }
  }
}
