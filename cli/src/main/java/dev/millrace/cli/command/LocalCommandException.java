package dev.millrace.cli.command;

/**
 * A shell command was typed in a form the shell does not understand; the message shows the right
 * form.
 */
public final class LocalCommandException extends Exception {

  LocalCommandException(String message) {
    super(message);
  }
}
