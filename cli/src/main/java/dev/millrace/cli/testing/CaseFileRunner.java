package dev.millrace.cli.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs every case of JSON case files, each in its own fresh session, one at a time. A case that
 * hangs is stopped waiting for after a time limit and reported as an ERROR; the run goes on.
 */
public final class CaseFileRunner {
  /**
   * Numbers with a fraction stay exact, trailing zeros included, so an expected DECIMAL keeps its
   * digits.
   */
  static final ObjectMapper JSON =
      new ObjectMapper()
          .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
          .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  private final CaseRunner cases;
  private final long caseTimeoutMillis;

  public CaseFileRunner(CaseRunner cases, long caseTimeoutMillis) {
    this.cases = cases;
    this.caseTimeoutMillis = caseTimeoutMillis;
  }

  /** Reads a case file in the shape of the compatibility suite. */
  public static CaseFile read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), CaseFile.class);
  }

  /** Reads and runs a case file; a file that cannot be read becomes one ERROR result. */
  public List<CaseResult> run(Path file, Consumer<CaseResult> onResult) {
    String fileName = file.getFileName().toString();
    CaseFile cases;
    try {
      cases = read(file);
    } catch (IOException unreadable) {
      CaseResult error =
          new CaseResult(
              fileName,
              "(file)",
              CaseResult.Status.ERROR,
              "cannot read " + file + ": " + unreadable.getMessage());
      onResult.accept(error);
      return List.of(error);
    }
    return run(fileName, cases, onResult);
  }

  /** Runs every case of an already read file, reporting each result as soon as it is known. */
  public List<CaseResult> run(String fileName, CaseFile file, Consumer<CaseResult> onResult) {
    List<CaseResult> results = new ArrayList<>();
    try (TimeLimitedRunner worker = new TimeLimitedRunner(caseTimeoutMillis)) {
      for (TestCase test : file.tests()) {
        CaseResult result = worker.run(fileName, test.name(), () -> cases.run(fileName, test));
        results.add(result);
        onResult.accept(result);
      }
    }
    return results;
  }
}
