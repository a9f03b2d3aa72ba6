package dev.millrace.server.service;

import dev.millrace.server.api.ErrorMessage;
import dev.millrace.server.api.GenericErrorMessage;
import dev.millrace.server.api.KsqlEntity;
import dev.millrace.server.api.StatementErrorMessage;
import java.util.List;
import java.util.Objects;

/**
 * A failure the user can act on, with the ksqlDB error code that classifies it.
 *
 * <p>The message is shown to the user as is, so it says what and where, for example {@code line
 * 1:15: Unknown source 'PAGEVEIWS'. Did you mean 'PAGEVIEWS'?}.
 */
public final class EngineException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode errorCode;
  private final String statementText;
  private final transient List<KsqlEntity> entities;

  /** A failure not tied to one statement. */
  public EngineException(ErrorCode errorCode, String message) {
    this(errorCode, message, null, List.of(), null);
  }

  /** A failure of one statement. */
  public EngineException(ErrorCode errorCode, String message, String statementText) {
    this(errorCode, message, statementText, List.of(), null);
  }

  /**
   * A failure of one statement of a batch.
   *
   * @param statementText the failing statement, or null when the failure is not a statement's
   * @param entities results of the batch's statements that ran before the failing one
   * @param cause the underlying exception, kept for the server log only
   */
  public EngineException(
      ErrorCode errorCode,
      String message,
      String statementText,
      List<KsqlEntity> entities,
      Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    this.statementText = statementText;
    this.entities = List.copyOf(entities);
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  /** The failing statement, or null when the failure is not a statement's. */
  public String statementText() {
    return statementText;
  }

  /** Results of the statements of the same batch that ran before the failing one. */
  public List<KsqlEntity> entities() {
    return entities;
  }

  /** The JSON error body for this failure. */
  public ErrorMessage toErrorMessage() {
    return statementText == null
        ? new GenericErrorMessage(errorCode.code(), getMessage())
        : new StatementErrorMessage(errorCode.code(), getMessage(), statementText, entities);
  }
}
