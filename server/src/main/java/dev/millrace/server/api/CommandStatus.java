package dev.millrace.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Where a DDL or persistent-query statement is in its execution: the body of {@code GET
 * /status/{commandId}} and part of {@link CommandStatusEntity}.
 *
 * @param queryId the persistent query the statement started, or null when it started none
 */
public record CommandStatus(
    Status status, String message, @JsonInclude(JsonInclude.Include.ALWAYS) String queryId) {

  /** The states ksqlDB reports for a command. */
  public enum Status {
    QUEUED,
    PARSING,
    EXECUTING,
    RUNNING,
    TERMINATED,
    SUCCESS,
    ERROR
  }

  public CommandStatus {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
  }

  /** A finished command that started no query. */
  public static CommandStatus success(String message) {
    return new CommandStatus(Status.SUCCESS, message, null);
  }
}
