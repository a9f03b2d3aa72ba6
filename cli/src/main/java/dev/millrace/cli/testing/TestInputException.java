package dev.millrace.cli.testing;

/**
 * A test file that cannot be used: unreadable, malformed, or with SQL that does not parse. The
 * message names the file and where.
 */
public final class TestInputException extends RuntimeException {
  public TestInputException(String message) {
    super(message);
  }
}
