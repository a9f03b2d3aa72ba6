package dev.millrace.server.api;

/**
 * The answer to one row of {@code /inserts-stream} that Kafka stored.
 *
 * @param status always {@code ok}
 * @param seq the row's number in the request, counting from 0
 */
public record InsertAck(String status, long seq) {

  public static InsertAck of(long seq) {
    return new InsertAck("ok", seq);
  }
}
