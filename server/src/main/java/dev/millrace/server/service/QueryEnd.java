package dev.millrace.server.service;

/** Why a query stopped by itself. */
public enum QueryEnd {
  /** A push query returned the number of rows its LIMIT asked for. */
  LIMIT_REACHED("Limit Reached"),
  /** A pull query returned all rows, or a push query's input ended. */
  COMPLETED("Query Completed");

  private final String message;

  QueryEnd(String message) {
    this.message = message;
  }

  /** The final message ksqlDB sends for this ending. */
  public String message() {
    return message;
  }
}
