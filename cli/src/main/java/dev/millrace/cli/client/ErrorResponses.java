package dev.millrace.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an error response body (ksqlDB's {@code error_code}/{@code message} object) into an
 * exception.
 */
final class ErrorResponses {

  private ErrorResponses() {}

  static ServerErrorException fromBody(ObjectMapper json, int httpStatus, String body) {
    JsonNode error;
    try {
      error = json.readTree(body);
    } catch (JsonProcessingException notJson) {
      return withoutDetails(httpStatus, body);
    }
    return error != null && error.isObject() && error.hasNonNull("message")
        ? fromErrorObject(error, httpStatus)
        : withoutDetails(httpStatus, body);
  }

  /** An error object ({@code statement_error}, {@code generic_error}, ...) found in a response. */
  static ServerErrorException fromErrorObject(JsonNode error, int fallbackCode) {
    List<JsonNode> entities = new ArrayList<>();
    error.path("entities").forEach(entities::add);
    String statement =
        error.hasNonNull("statementText") ? error.get("statementText").asText() : null;
    return new ServerErrorException(
        error.path("error_code").asInt(fallbackCode),
        error.get("message").asText(),
        statement,
        entities);
  }

  private static ServerErrorException withoutDetails(int httpStatus, String body) {
    String firstLine = body.strip().lines().findFirst().orElse("");
    String message =
        "The server answered HTTP " + httpStatus + (firstLine.isEmpty() ? "" : ": " + firstLine);
    return new ServerErrorException(httpStatus, message, null, List.of());
  }
}
