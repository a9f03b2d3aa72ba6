package dev.millrace.engine.serde;

/** Bytes could not be turned into columns, or columns into bytes, in the declared format. */
public class SerdeException extends RuntimeException {
  public SerdeException(String message) {
    super(message);
  }

  public SerdeException(String message, Throwable cause) {
    super(message, cause);
  }
}
