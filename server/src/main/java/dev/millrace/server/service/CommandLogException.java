package dev.millrace.server.service;

/** The command log could not be opened, written or read; the message names the topic. */
public final class CommandLogException extends RuntimeException {

  public CommandLogException(String message, Throwable cause) {
    super(message, cause);
  }
}
