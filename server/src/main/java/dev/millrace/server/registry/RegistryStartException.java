package dev.millrace.server.registry;

/** The embedded schema registry could not start; the message says why and where its log is. */
public final class RegistryStartException extends RuntimeException {

  public RegistryStartException(String message) {
    super(message);
  }

  public RegistryStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
