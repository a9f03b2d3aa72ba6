package dev.millrace.engine.state;

/** A state store could not be opened, read, written or restored. */
public class StateStoreException extends RuntimeException {
  public StateStoreException(String message) {
    super(message);
  }

  public StateStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
