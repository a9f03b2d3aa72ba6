package dev.millrace.cli.testing;

import java.util.Optional;

/**
 * One {@code --@test:} section of a SQL test file. {@code sql} is the section's text with every
 * line outside it blanked, so positions the parser reports are positions in the file. {@code
 * expectedError} (a class name, informative only: Millrace's error types differ from ksqlDB's) and
 * {@code expectedMessage} (a substring of the error) come from the {@code --@expected.error:} and
 * {@code --@expected.message:} directives.
 */
public record SqlTest(
    String file,
    String name,
    int line,
    Optional<String> expectedError,
    Optional<String> expectedMessage,
    String sql) {

  /** Whether the test passes only when a statement or assertion fails. */
  public boolean expectsError() {
    return expectedError.isPresent() || expectedMessage.isPresent();
  }
}
