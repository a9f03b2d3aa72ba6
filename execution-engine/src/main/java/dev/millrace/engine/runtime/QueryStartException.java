package dev.millrace.engine.runtime;

/** A query cannot start: a topic is missing, or its topics do not fit together. */
public class QueryStartException extends RuntimeException {
  public QueryStartException(String message) {
    super(message);
  }

  public QueryStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
