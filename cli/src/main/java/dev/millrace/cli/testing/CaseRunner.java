package dev.millrace.cli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.cli.testing.CaseResult.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Runs one compatibility case in a fresh session and judges it by the suite's comparison rules. */
public final class CaseRunner {
  private final CaseSessionFactory sessions;

  /**
   * @param sessions makes a fresh session with the case's property overrides
   */
  public CaseRunner(CaseSessionFactory sessions) {
    this.sessions = sessions;
  }

  public CaseResult run(String file, TestCase test) {
    Optional<String> unsupported = unsupportedRequirement(test);
    if (unsupported.isPresent()) {
      return new CaseResult(file, test.name(), Status.SKIP, unsupported.get());
    }
    try (CaseSession session = sessions.open(test.properties())) {
      return judge(file, test, session);
    } catch (RuntimeException | LinkageError | StackOverflowError crash) {
      return CaseResult.error(file, test.name(), crash);
    }
  }

  private Optional<String> unsupportedRequirement(TestCase test) {
    if (test.requires().contains("udf-jar") && !sessions.hasExtensions()) {
      return Optional.of(
          "needs ksqlDB's test-only user functions: give their jars' directory with"
              + " --extension-dir");
    }
    return Optional.empty();
  }

  private CaseResult judge(String file, TestCase test, CaseSession session) {
    Optional<String> failure = runStatementsAndInputs(test, session);
    if (test.expectsError()) {
      return failure.isPresent()
          ? CaseResult.pass(file, test.name())
          : fail(
              file,
              test,
              "expected an error ("
                  + test.expectedException()
                  + ") but every statement and record succeeded");
    }
    if (failure.isPresent()) {
      return fail(file, test, failure.get());
    }
    Optional<String> difference =
        outputDifference(test, session).or(() -> PostChecks.difference(test.post(), session));
    return difference
        .map(d -> fail(file, test, d))
        .orElseGet(() -> CaseResult.pass(file, test.name()));
  }

  private static Optional<String> runStatementsAndInputs(TestCase test, CaseSession session) {
    session.createTopics(test);
    for (String statement : test.statements()) {
      try {
        session.execute(statement);
      } catch (RuntimeException rejected) {
        return Optional.of("statement rejected: " + statement + "\n  " + rejected.getMessage());
      }
    }
    for (TestRecord input : test.inputs()) {
      try {
        session.pipe(input);
      } catch (RuntimeException failed) {
        return Optional.of("processing failed for input " + input + ": " + failed.getMessage());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> outputDifference(TestCase test, CaseSession session) {
    Map<String, List<TestRecord>> expectedByTopic = new LinkedHashMap<>();
    test.outputs()
        .forEach(r -> expectedByTopic.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(r));
    boolean anyTimestamp = test.inputs().isEmpty();
    for (Map.Entry<String, List<TestRecord>> topic : expectedByTopic.entrySet()) {
      List<TestRecord> expected = topic.getValue();
      List<TestRecord> actual = session.output(topic.getKey());
      for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
        if (i >= expected.size() || i >= actual.size()) {
          return Optional.of(RecordDiff.counts(topic.getKey(), expected, actual));
        }
        Optional<String> difference =
            recordDifference(expected.get(i), actual.get(i), anyTimestamp);
        if (difference.isPresent()) {
          return Optional.of(RecordDiff.at(topic.getKey(), i, difference.get(), expected, actual));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> recordDifference(
      TestRecord expected, TestRecord actual, boolean anyTimestamp) {
    Optional<String> key =
        ValueSpecComparison.difference(expected.key(), actual.key()).map(d -> "key: " + d);
    if (key.isPresent()) {
      return key;
    }
    Optional<String> value =
        ValueSpecComparison.difference(expected.value(), actual.value()).map(d -> "value: " + d);
    if (value.isPresent()) {
      return value;
    }
    Long timestamp = expected.timestamp();
    boolean timestampMatters = timestamp != null && !(anyTimestamp && timestamp == 0);
    if (timestampMatters && !timestamp.equals(actual.timestamp())) {
      return Optional.of("timestamp: expected " + timestamp + " but was " + actual.timestamp());
    }
    if (expected.window() != null && !windowMatches(expected.window(), actual.window())) {
      return Optional.of("window: expected " + expected.window() + " but was " + actual.window());
    }
    return Optional.empty();
  }

  private static boolean windowMatches(
      TestRecord.WindowSpec expected, TestRecord.WindowSpec actual) {
    return actual != null
        && expected.start() == actual.start()
        && expected.end() == actual.end()
        && (expected.type() == null || expected.type().equalsIgnoreCase(actual.type()));
  }

  private static CaseResult fail(String file, TestCase test, String message) {
    return CaseResult.fail(file, test.name(), message);
  }

  /** Whether any topic of the session matches the pattern (for post.topics.blacklist). */
  static boolean anyTopicMatches(CaseSession session, String regex) {
    Pattern pattern = Pattern.compile(regex);
    return session.topics().stream().anyMatch(t -> pattern.matcher(t).matches());
  }

  static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
