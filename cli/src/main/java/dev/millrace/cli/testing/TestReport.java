package dev.millrace.cli.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The run's results: the closing count line and the JSON report file. */
public final class TestReport {
  private final List<CaseResult> results;

  public TestReport(List<CaseResult> results) {
    this.results = List.copyOf(results);
  }

  public long count(CaseResult.Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  public boolean allPassed() {
    return results.stream().allMatch(r -> r.status() == CaseResult.Status.PASS);
  }

  /**
   * {@code N passed, N failed}, with {@code , N skipped} when any were skipped; errors count as
   * failed.
   */
  public String summaryLine() {
    long failed = count(CaseResult.Status.FAIL) + count(CaseResult.Status.ERROR);
    long skipped = count(CaseResult.Status.SKIP);
    return count(CaseResult.Status.PASS)
        + " passed, "
        + failed
        + " failed"
        + (skipped > 0 ? ", " + skipped + " skipped" : "");
  }

  public void printSummary(PrintStream out) {
    out.println(summaryLine());
  }

  /** Writes {@code {"results": [{"file", "test", "status", "message"}]}}. */
  public void write(Path file) throws IOException {
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(file.toFile(), Map.of("results", results));
  }
}
