package dev.millrace.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to a row of {@code /inserts-stream} that could not be inserted; the stream ends after
 * it, as in ksqlDB.
 *
 * @param status always {@code error}
 * @param seq the row's number in the request, counting from 0
 * @param errorCode ksqlDB's error code, for example 40000 for a row that is not valid JSON
 * @param message what is wrong with the row
 */
public record InsertError(
    String status, long seq, @JsonProperty("error_code") int errorCode, String message) {

  public static InsertError of(long seq, ErrorMessage error) {
    return new InsertError("error", seq, error.errorCode(), error.message());
  }
}
