package dev.millrace.server.service;

/**
 * A backend cannot answer a pull query from a table's state yet: part of the state is still being
 * restored, or is owned by another server. Retrying later may succeed; the query runner turns this
 * into a retryable error for the client.
 */
public final class StateNotReadyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param reason what is missing, e.g. {@code 1 of 4 partitions of its state are restored here}
   */
  public StateNotReadyException(String reason) {
    super(reason);
  }
}
