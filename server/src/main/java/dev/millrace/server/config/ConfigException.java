package dev.millrace.server.config;

/**
 * The server configuration is unreadable or holds an invalid value; the message names the key or
 * file.
 */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  public static ConfigException invalid(String key, String value, String expected) {
    return new ConfigException(
        "invalid value '" + value + "' for " + key + ": expected " + expected, null);
  }
}
