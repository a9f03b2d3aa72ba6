package dev.millrace.cli.client;

/** The server could not be reached, or the connection to it was lost mid-request. */
public final class ServerUnreachableException extends MillraceClientException {

  ServerUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
