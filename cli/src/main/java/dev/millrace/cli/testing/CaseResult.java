package dev.millrace.cli.testing;

/** How one test ended, as the report records it. */
public record CaseResult(String file, String test, Status status, String message) {

  /** The report's statuses: ERROR is a crash of the engine or runner, not a wrong answer. */
  public enum Status {
    PASS,
    FAIL,
    ERROR,
    SKIP
  }

  public static CaseResult pass(String file, String test) {
    return new CaseResult(file, test, Status.PASS, "");
  }

  public static CaseResult fail(String file, String test, String message) {
    return new CaseResult(file, test, Status.FAIL, message);
  }

  /** A crash, named by its exception type so an engine bug is told apart from a wrong answer. */
  public static CaseResult error(String file, String test, Throwable crash) {
    return new CaseResult(
        file, test, Status.ERROR, crash.getClass().getSimpleName() + ": " + crash.getMessage());
  }
}
