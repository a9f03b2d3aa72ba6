package dev.millrace.cli.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.millrace.cli.testing.CaseResult.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestReportTest {
  private static final CaseResult PASSED = CaseResult.pass("a.json", "one");
  private static final CaseResult FAILED =
      CaseResult.fail("a.json", "two", "topic OUTPUT: expected 1 records but got 0");
  private static final CaseResult ERRORED =
      new CaseResult("b.json", "three", Status.ERROR, "timed out after 20000 ms");
  private static final CaseResult SKIPPED =
      new CaseResult("b.json", "four", Status.SKIP, "needs a schema registry");

  @Test
  void summaryCountsErrorsAsFailedAndMentionsSkipsOnlyWhenThereAreAny() {
    assertEquals(
        "1 passed, 2 failed", new TestReport(List.of(PASSED, FAILED, ERRORED)).summaryLine());
    assertEquals(
        "1 passed, 2 failed, 1 skipped",
        new TestReport(List.of(PASSED, FAILED, ERRORED, SKIPPED)).summaryLine());
    assertEquals("0 passed, 0 failed", new TestReport(List.of()).summaryLine());
  }

  @Test
  void onlyAllPassIsSuccessASkipIsNot() {
    assertTrue(new TestReport(List.of(PASSED)).allPassed());
    assertFalse(new TestReport(List.of(PASSED, SKIPPED)).allPassed());
    assertFalse(new TestReport(List.of(PASSED, ERRORED)).allPassed());
  }

  @Test
  void reportListsEveryResultWithFileTestStatusAndMessage(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("report.json");
    new TestReport(List.of(PASSED, FAILED, SKIPPED)).write(file);

    JsonNode report = new ObjectMapper().readTree(file.toFile());
    assertEquals(1, report.size());
    JsonNode results = report.get("results");
    assertEquals(3, results.size());
    assertEquals(
        new ObjectMapper()
            .readTree(
                "{\"file\": \"a.json\", \"test\": \"two\", \"status\": \"FAIL\", \"message\": \"topic OUTPUT: expected 1 records but got 0\"}"),
        results.get(1));
    assertEquals("PASS", results.get(0).get("status").asText());
    assertEquals("SKIP", results.get(2).get("status").asText());
  }
}
