package dev.millrace.server.service;

/** ksqlDB's error codes: the HTTP status times 100, plus a detail number. */
public enum ErrorCode {
  /** The request itself is malformed: bad JSON, missing or unknown fields. */
  BAD_REQUEST(40000),
  /** A statement cannot be run: parse error, unknown name, type error. */
  BAD_STATEMENT(40001),
  /** A query was sent to {@code /ksql}; it belongs on {@code /query} or {@code /query-stream}. */
  QUERY_ENDPOINT(40002),
  UNAUTHORIZED(40100),
  FORBIDDEN(40300),
  /** Kafka refused the server access to a topic or group the statement needs. */
  FORBIDDEN_KAFKA_ACCESS(40301),
  NOT_FOUND(40400),
  METHOD_NOT_ALLOWED(40500),
  NOT_ACCEPTABLE(40600),
  /** The request body stalled, or ended before its declared length. */
  REQUEST_TIMEOUT(40800),
  /** The request body is larger than the server accepts. */
  PAYLOAD_TOO_LARGE(41300),
  UNSUPPORTED_MEDIA_TYPE(41500),
  /** Something failed inside the server; the message says what. */
  SERVER_ERROR(50000),
  SERVER_SHUTTING_DOWN(50300),
  /** The command log did not catch up to the requested sequence number in time. */
  COMMAND_QUEUE_CATCHUP_TIMEOUT(50301),
  SERVER_NOT_READY(50302);

  private final int code;

  ErrorCode(int code) {
    this.code = code;
  }

  /** The numeric code sent as {@code error_code}. */
  public int code() {
    return code;
  }

  /** The HTTP status that goes with this code. */
  public int httpStatus() {
    return code / 100;
  }
}
