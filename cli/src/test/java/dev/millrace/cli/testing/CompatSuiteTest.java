package dev.millrace.cli.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs every ksqlDB compatibility case in {@code ../shared/compat} on the engine registered as
 * {@link CaseSessionFactory}, one JVM, one case at a time, prints the pass counts, writes {@code
 * target/compat-report.json}, and fails when a count drops below {@code compat/floor.txt}. Tagged
 * {@code compat} so the cli pom can run it in its own execution, with its output on the console.
 */
@Tag("compat")
class CompatSuiteTest {
  private static final long CASE_TIMEOUT_MILLIS = 20_000;
  private static final long WARM_UP_TIMEOUT_MILLIS = 120_000;

  /**
   * Twice the suite's target of five minutes: past it, the files left are not run and their cases
   * count as not passed, so a hanging engine costs minutes, not hours, and shows in the counts.
   */
  private static final Duration BUDGET = Duration.ofMinutes(10);

  @Test
  void passCountsStayAtOrAboveTheFloor() throws IOException {
    Path cases = RepositoryPaths.compatCases();
    if (!Files.isDirectory(cases)) {
      say("compat: " + cases + " is absent; the compatibility suite is skipped");
      abort(cases + " is absent");
    }
    CompatFloor floor = CompatFloor.read(RepositoryPaths.root().resolve("compat/floor.txt"));
    Optional<CaseSessionFactory> engine = CaseSessionFactory.find();
    if (engine.isEmpty()) {
      String missing =
          "no " + CaseSessionFactory.class.getSimpleName() + " is registered on the class path";
      if (floor.plain() > 0 || floor.overall() > 0) {
        fail(
            "compat: "
                + missing
                + ", so nothing can reach the floor (plain "
                + floor.plain()
                + ", overall "
                + floor.overall()
                + ")");
      }
      say("compat: " + missing + "; the compatibility suite is skipped");
      abort(missing);
    }

    // The udf-jar cases call ksqlDB's test-only functions: our fixtures stand in for them.
    CaseSessionFactory withFixtures =
        engine
            .get()
            .withExtensionDir(
                FixtureJar.writeInto(Path.of("target/compat-ext")),
                skipped -> fail("compat: the fixture jar did not load: " + skipped));
    Instant start = Instant.now();
    CompatCounts counts = new CompatCounts();
    List<CaseResult> results = runAll(cases, withFixtures, counts);
    Duration took = Duration.between(start, Instant.now());

    say(counts.table() + "compat: ran in " + took.toSeconds() + " s");
    writeReport(counts, results, took);
    floor
        .shortfall(counts.plainPassed(), counts.passed())
        .ifPresent(
            below ->
                fail(
                    "compat: "
                        + below
                        + " Fix the regression; the floor in compat/floor.txt must not be lowered to go green."));
  }

  private static List<CaseResult> runAll(Path cases, CaseSessionFactory engine, CompatCounts counts)
      throws IOException {
    CaseFileRunner runner = new CaseFileRunner(new CaseRunner(engine), CASE_TIMEOUT_MILLIS);
    List<Path> files = caseFiles(cases);
    warmUp(engine, files);
    Instant deadline = Instant.now().plus(BUDGET);
    List<CaseResult> results = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      CaseFile parsed = CaseFileRunner.read(file);
      List<CaseResult> fileResults =
          Instant.now().isBefore(deadline)
              ? runner.run(name, parsed, result -> {})
              : parsed.tests().stream()
                  .map(
                      t ->
                          new CaseResult(
                              name,
                              t.name(),
                              CaseResult.Status.ERROR,
                              "not run: the suite used up its "
                                  + BUDGET.toMinutes()
                                  + "-minute budget"))
                  .toList();
      counts.add(name, parsed, fileResults);
      results.addAll(fileResults);
    }
    return results;
  }

  /**
   * Runs the first file once, its results dropped, so that loading the engine's classes and warming
   * the planner (seconds on a busy machine) is not charged to the first case's time limit, which is
   * there to catch a case that hangs.
   */
  private static void warmUp(CaseSessionFactory engine, List<Path> files) throws IOException {
    if (!files.isEmpty()) {
      new CaseFileRunner(new CaseRunner(engine), WARM_UP_TIMEOUT_MILLIS)
          .run("warm-up", CaseFileRunner.read(files.get(0)), result -> {});
    }
  }

  private static List<Path> caseFiles(Path cases) throws IOException {
    try (Stream<Path> files = Files.list(cases)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }

  private static void writeReport(CompatCounts counts, List<CaseResult> results, Duration took)
      throws IOException {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("passed", counts.passed());
    report.put("total", counts.total());
    report.put("plainPassed", counts.plainPassed());
    report.put("plainTotal", counts.plainTotal());
    report.put("seconds", took.toSeconds());
    report.put("files", counts.files());
    report.put("results", results);
    Path file = Path.of("target/compat-report.json");
    Files.createDirectories(file.getParent());
    CaseFileRunner.JSON
        .copy()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(file.toFile(), report);
  }

  private static void say(String text) {
    System.out.println(text);
    System.out.flush();
  }
}
