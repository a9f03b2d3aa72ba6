package dev.millrace.cli.testing;

import dev.millrace.parser.ParseException;
import dev.millrace.parser.ScriptSplitter;
import dev.millrace.parser.SqlParser;
import dev.millrace.parser.StatementText;
import dev.millrace.parser.ast.AssertSource;
import dev.millrace.parser.ast.AssertTombstone;
import dev.millrace.parser.ast.AssertValues;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.parser.ast.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs SQL test files: each test in a fresh session, its statements in order, each {@code ASSERT}
 * checked when reached. The first rejected statement or failed assertion stops the test; it passes
 * if and only if that matches what its {@code --@expected.*} directives say.
 */
public final class SqlTestRunner {
  private static final SqlParser PARSER = new SqlParser();

  private final CaseSessionFactory sessions;
  private final long testTimeoutMillis;

  public SqlTestRunner(CaseSessionFactory sessions, long testTimeoutMillis) {
    this.sessions = sessions;
    this.testTimeoutMillis = testTimeoutMillis;
  }

  /** Runs every test of a file; a file that cannot be read becomes one ERROR result. */
  public List<CaseResult> run(Path file, Consumer<CaseResult> onResult) {
    List<SqlTest> tests;
    try {
      tests = SqlTestFile.read(file);
    } catch (TestInputException unusable) {
      CaseResult error =
          new CaseResult(
              file.getFileName().toString(),
              "(file)",
              CaseResult.Status.ERROR,
              unusable.getMessage());
      onResult.accept(error);
      return List.of(error);
    }
    List<CaseResult> results = new ArrayList<>();
    try (TimeLimitedRunner worker = new TimeLimitedRunner(testTimeoutMillis)) {
      for (SqlTest test : tests) {
        CaseResult result = worker.run(test.file(), test.name(), () -> run(test));
        results.add(result);
        onResult.accept(result);
      }
    }
    return results;
  }

  /** Runs one test in a fresh session and judges it. */
  public CaseResult run(SqlTest test) {
    try (CaseSession session = sessions.open(Map.of())) {
      return judge(test, firstFailure(test, session));
    }
  }

  /**
   * Statements are parsed one at a time, so those before a syntax error still run, as in ksqlDB.
   */
  private static Optional<String> firstFailure(SqlTest test, CaseSession session) {
    SourceAssertions assertions = new SourceAssertions(session);
    for (StatementText text : ScriptSplitter.split(test.sql())) {
      Optional<String> failure;
      try {
        failure =
            step(PARSER.parseStatement(session.substitute(text.text())), text, session, assertions);
      } catch (ParseException syntax) {
        failure = Optional.of(inFile(syntax, text.start()));
      }
      if (failure.isPresent()) {
        return failure;
      }
    }
    return Optional.empty();
  }

  /** A syntax error's position within its statement, moved to the statement's place in the file. */
  private static String inFile(ParseException syntax, NodeLocation start) {
    int line = start.line() + syntax.line() - 1;
    int column = syntax.line() == 1 ? start.column() + syntax.column() - 1 : syntax.column();
    return "line " + line + ":" + column + ": " + syntax.reason();
  }

  /** Runs or checks one statement; a failure message starts with the statement's position. */
  private static Optional<String> step(
      Statement statement, StatementText text, CaseSession session, SourceAssertions assertions) {
    String at = "line " + text.start() + ": ";
    try {
      if (statement instanceof AssertValues values) {
        return assertions.values(values).map(at::concat);
      }
      if (statement instanceof AssertTombstone tombstone) {
        return assertions.tombstone(tombstone).map(at::concat);
      }
      if (statement instanceof AssertSource source) {
        return assertions.source(source).map(at::concat);
      }
    } catch (TestInputException badAssertion) {
      return Optional.of(badAssertion.getMessage());
    }
    try {
      session.execute(text.text());
      return Optional.empty();
    } catch (RuntimeException rejected) {
      String reason =
          rejected.getMessage() == null
              ? rejected.getClass().getSimpleName()
              : rejected.getMessage();
      return Optional.of(at + reason);
    }
  }

  private static CaseResult judge(SqlTest test, Optional<String> failure) {
    if (!test.expectsError()) {
      return failure
          .map(f -> CaseResult.fail(test.file(), test.name(), f))
          .orElseGet(() -> CaseResult.pass(test.file(), test.name()));
    }
    String expected =
        "an error"
            + test.expectedError().map(e -> " (" + e + ")").orElse("")
            + test.expectedMessage().map(m -> " containing \"" + m + "\"").orElse("");
    if (failure.isEmpty()) {
      return CaseResult.fail(
          test.file(),
          test.name(),
          "expected " + expected + " but every statement and assertion succeeded");
    }
    if (test.expectedMessage().isPresent()
        && !failure.get().contains(test.expectedMessage().get())) {
      return CaseResult.fail(
          test.file(), test.name(), "expected " + expected + " but got: " + failure.get());
    }
    return CaseResult.pass(test.file(), test.name());
  }
}
