package dev.millrace.server.http;

import dev.millrace.server.service.ErrorCode;

/** Checks on the fields of a parsed request body. */
final class Bodies {

  private Bodies() {}

  /** Returns {@code value}, or rejects the request when the field is missing or blank. */
  static String requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new ApiException(
          ErrorCode.BAD_REQUEST, "Missing field '" + field + "' in request body");
    }
    return value;
  }
}
