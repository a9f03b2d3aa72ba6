package dev.millrace.cli.client;

/**
 * A request to the Millrace server failed. The message is written for the person at the shell: it
 * says what went wrong without a stack trace.
 */
public abstract sealed class MillraceClientException extends Exception
    permits ServerUnreachableException, ServerErrorException {

  MillraceClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
