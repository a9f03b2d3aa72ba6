package dev.millrace.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * An error in one statement of a request.
 *
 * @param statementText the statement that failed
 * @param entities the results of the statements of the same request that ran before it
 */
public record StatementErrorMessage(
    @JsonProperty("error_code") int errorCode,
    String message,
    String statementText,
    List<KsqlEntity> entities)
    implements ErrorMessage {

  public StatementErrorMessage {
    Objects.requireNonNull(message, "message");
    statementText = statementText == null ? "" : statementText;
    entities = Lists.copyOrEmpty(entities);
  }
}
