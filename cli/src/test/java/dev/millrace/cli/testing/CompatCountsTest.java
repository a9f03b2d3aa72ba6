package dev.millrace.cli.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.cli.testing.CaseResult.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompatCountsTest {

  @Test
  void countsOverallPlainAndPerFile() {
    CompatCounts counts = new CompatCounts();
    counts.add(
        "a.json",
        file(test("p1"), test("p2"), test("r1", "schema-registry")),
        List.of(
            CaseResult.pass("a.json", "p1"),
            CaseResult.fail("a.json", "p2", "x"),
            new CaseResult("a.json", "r1", Status.SKIP, "registry")));
    counts.add(
        "bb.json",
        file(test("e1", "expected-error"), test("p3")),
        List.of(CaseResult.pass("bb.json", "e1"), CaseResult.pass("bb.json", "p3")));

    assertEquals(3, counts.passed());
    assertEquals(5, counts.total());
    assertEquals(2, counts.plainPassed());
    assertEquals(3, counts.plainTotal());
    assertEquals(
        """
        compat: 3/5 passed overall (60.0%), 2/3 plain (66.7%)
          a.json     1/3    plain    1/2
          bb.json    2/2    plain    1/1
        """,
        counts.table());
  }

  @Test
  void anEmptySuiteHasNoPercentages() {
    assertEquals("compat: 0/0 passed overall (-), 0/0 plain (-)", new CompatCounts().headline());
  }

  @Test
  void theFloorFileNamesBothCounts(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(dir.resolve("floor.txt"), "# floors\nplain 500  # half\n\noverall 626\n");
    CompatFloor floor = CompatFloor.read(file);

    assertEquals(new CompatFloor(500, 626), floor);
    assertEquals(Optional.empty(), floor.shortfall(500, 700));
    assertEquals(
        Optional.of("plain cases passed: 499, below the floor of 500."), floor.shortfall(499, 626));
    assertEquals(
        Optional.of(
            "plain cases passed: 1, below the floor of 500. all cases passed: 2, below the floor of 626."),
        floor.shortfall(1, 2));
  }

  @Test
  void aMalformedFloorFileSaysWhere(@TempDir Path dir) throws Exception {
    Path typo = Files.writeString(dir.resolve("typo.txt"), "plain 5\noveral 6\n");
    Path missing = Files.writeString(dir.resolve("missing.txt"), "plain 5\n");

    assertEquals(
        typo + ":2: expected 'plain N' or 'overall N', got 'overal 6'",
        assertThrows(IllegalArgumentException.class, () -> CompatFloor.read(typo)).getMessage());
    assertEquals(
        missing + ": needs both a 'plain N' and an 'overall N' line",
        assertThrows(IllegalArgumentException.class, () -> CompatFloor.read(missing)).getMessage());
  }

  @Test
  void theRepositorysFloorFileIsWellFormed() throws Exception {
    CompatFloor.read(RepositoryPaths.root().resolve("compat/floor.txt"));
  }

  private static CaseFile file(TestCase... tests) {
    return new CaseFile("upstream", List.of(tests));
  }

  private static TestCase test(String name, String... requires) {
    return new TestCase(name, null, null, null, null, null, null, null, List.of(requires));
  }
}
