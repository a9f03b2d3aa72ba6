package dev.millrace.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The server answered with an error, shaped as ksqlDB shapes it: an {@code error_code}, a {@code
 * message}, and for {@code /ksql} the failing statement and the entities of the statements that
 * succeeded before it.
 */
public final class ServerErrorException extends MillraceClientException {

  private final int errorCode;
  private final String statementText;
  private final List<JsonNode> entities;

  ServerErrorException(
      int errorCode, String message, String statementText, List<JsonNode> entities) {
    super(message, null);
    this.errorCode = errorCode;
    this.statementText = statementText;
    this.entities = List.copyOf(entities);
  }

  /**
   * ksqlDB's error code, e.g. 40001 for a bad statement; the HTTP status when the body had none.
   */
  public int errorCode() {
    return errorCode;
  }

  /** The statement the server rejected, when it said which. */
  public Optional<String> statementText() {
    return Optional.ofNullable(statementText);
  }

  /** Results of the statements of the same request that ran before the failing one. */
  public List<JsonNode> entities() {
    return entities;
  }
}
