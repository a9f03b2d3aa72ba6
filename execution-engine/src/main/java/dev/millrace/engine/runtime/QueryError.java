package dev.millrace.engine.runtime;

import java.time.Instant;

/**
 * Why a query stopped: a message fit for the user (no record data), when it happened, and what kind
 * of failure it was.
 */
public record QueryError(String message, Instant time, Type type) {

  /** The kinds of failure ksqlDB reports, which decide whether the query restarts by itself. */
  public enum Type {
    /** Neither of the others: a defect or an unexpected failure; the query stays stopped. */
    UNKNOWN,
    /**
     * Something only the user can fix (a topic deleted or too small for a record, a missing
     * permission); the query stays stopped.
     */
    USER,
    /**
     * The environment failed for a while (a broker unreachable, a timeout, too few in-sync
     * replicas); the query restarts by itself with backoff.
     */
    SYSTEM
  }

  /**
   * The error {@code failure} leaves, classified, at {@code time}. Its message is the failure's,
   * followed by the cause that decided the type when that says more (a client's "cannot commit the
   * transaction" is followed by why).
   */
  public static QueryError of(Throwable failure, Instant time) {
    String message = message(failure);
    Throwable cause = QueryFailures.decidingCause(failure);
    if (cause != failure && !message.contains(message(cause))) {
      message = message + ": " + message(cause);
    }
    return new QueryError(message, time, QueryFailures.classify(failure));
  }

  private static String message(Throwable failure) {
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }
}
