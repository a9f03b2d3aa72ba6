package dev.millrace.server.http;

import dev.millrace.server.api.GenericErrorMessage;
import dev.millrace.server.service.ErrorCode;

/** A request the HTTP layer rejects before it reaches the engine. */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode errorCode;

  ApiException(ErrorCode errorCode, String message) {
    super(message, null, false, false);
    this.errorCode = errorCode;
  }

  GenericErrorMessage toErrorMessage() {
    return new GenericErrorMessage(errorCode.code(), getMessage());
  }
}
