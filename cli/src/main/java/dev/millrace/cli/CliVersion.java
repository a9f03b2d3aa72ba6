package dev.millrace.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build, written into {@code version.properties} by Maven. */
public final class CliVersion {

  /** For example {@code 0.1.0-SNAPSHOT}. */
  public static final String VERSION = load();

  private CliVersion() {}

  private static String load() {
    try (InputStream in = CliVersion.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "dev");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
