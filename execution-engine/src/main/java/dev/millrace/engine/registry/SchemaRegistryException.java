package dev.millrace.engine.registry;

/** The schema registry refused a request, could not be reached, or is not configured. */
public class SchemaRegistryException extends RuntimeException {
  public SchemaRegistryException(String message) {
    super(message);
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
