package dev.millrace.server.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The body of every 4xx/5xx response, and of an error met while a query streams.
 *
 * <p>The error code is the HTTP status times 100 plus a detail number, as in ksqlDB: 40001 is a bad
 * statement, 50000 a server error. The message says what went wrong and where; it never carries a
 * stack trace.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "@type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = GenericErrorMessage.class, name = "generic_error"),
  @JsonSubTypes.Type(value = StatementErrorMessage.class, name = "statement_error"),
})
public sealed interface ErrorMessage permits GenericErrorMessage, StatementErrorMessage {

  /** The ksqlDB error code, for example 40001. */
  int errorCode();

  /** What went wrong, for a person to read. */
  String message();

  /** The HTTP status this error is sent with: the error code divided by 100. */
  default int httpStatus() {
    return errorCode() / 100;
  }
}
