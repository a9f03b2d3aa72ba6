package dev.millrace.cli.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps {@code docs/testing.md}, {@code docs/aggregation.md}, {@code docs/formats.md}, {@code
 * docs/table-functions.md}, {@code docs/headers.md} and {@code docs/expressions.md} true: their
 * example files are well-formed and shown as they are, and every {@code $ bin/millrace test ...}
 * block they show, run on the engine, prints what it says.
 */
class DocsExamplesTest {
  private static final Pattern CODE_BLOCK = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);
  private static final Path ROOT = RepositoryPaths.root();
  private static final Path EXAMPLES = ROOT.resolve("docs/examples/testing");
  private static final String TESTING = "docs/testing.md";
  private static final String AGGREGATION = "docs/aggregation.md";
  private static final String FORMATS = "docs/formats.md";
  private static final String TABLE_FUNCTIONS = "docs/table-functions.md";
  private static final String HEADERS = "docs/headers.md";
  private static final String EXPRESSIONS = "docs/expressions.md";

  @Test
  void theSqlTestFileIsShownInFullAndReadsAsThreeTests() throws IOException {
    List<SqlTest> tests = SqlTestFile.read(EXAMPLES.resolve("orders.sql"));

    assertEquals(
        List.of(
            "every order is sized",
            "only bulk orders reach the warehouse",
            "a query over a missing stream is rejected"),
        tests.stream().map(SqlTest::name).toList());
    assertTrue(
        blocks(TESTING, "sql").contains(withoutLeadingComments(EXAMPLES.resolve("orders.sql"))));
  }

  @Test
  void theKsqlTestRunnerFilesAreShownAndMakeACase() throws IOException {
    Path runner = EXAMPLES.resolve("ksql-test-runner");
    TestCase test =
        new RunnerFiles(
                runner.resolve("statements.sql"),
                Optional.of(runner.resolve("input.json")),
                runner.resolve("output.json"))
            .toTestCase();

    assertEquals(2, test.statements().size());
    assertEquals(3, test.inputs().size());
    assertEquals(3, test.outputs().size());
    assertTrue(
        blocks(TESTING, "sql")
            .contains(Files.readString(runner.resolve("statements.sql")).strip()));
    assertShownAsJson(TESTING, runner.resolve("input.json"));
    assertShownAsJson(TESTING, runner.resolve("output.json"));
  }

  @Test
  void theCaseFileIsShownAndReads() throws IOException {
    assertEquals(2, CaseFileRunner.read(EXAMPLES.resolve("cases.json")).tests().size());
    assertShownAsJson(TESTING, EXAMPLES.resolve("cases.json"));
  }

  @Test
  void theFormatExamplesAreShownAsTheyAre() throws IOException {
    Path formats = ROOT.resolve("docs/examples/formats");
    assertTrue(
        blocks(FORMATS, "sql").contains(Files.readString(formats.resolve("avro.sql")).strip()));
    assertShownAsJson(FORMATS, formats.resolve("inference.json"));
    assertShownAsJson(FORMATS, formats.resolve("protobuf-references.json"));
  }

  @Test
  void theAggregationCasesAreShownAndRead() throws IOException {
    Path cases = ROOT.resolve("docs/examples/aggregation/regions.json");
    assertEquals(3, CaseFileRunner.read(cases).tests().size());
    assertShownAsJson(AGGREGATION, cases);
    Path finals = ROOT.resolve("docs/examples/aggregation/final.json");
    assertEquals(2, CaseFileRunner.read(finals).tests().size());
    assertShownAsJson(AGGREGATION, finals);
  }

  @Test
  void theHeaderCasesAreShownAndRead() throws IOException {
    Path cases = ROOT.resolve("docs/examples/headers/orders.json");
    assertEquals(2, CaseFileRunner.read(cases).tests().size());
    assertShownAsJson(HEADERS, cases);
  }

  @Test
  void theExpressionExamplesAreShownInFull() throws IOException {
    Path conversions = ROOT.resolve("docs/examples/expressions/conversions.sql");
    assertTrue(blocks(EXPRESSIONS, "sql").contains(withoutLeadingComments(conversions)));
  }

  @Test
  void theTableFunctionExampleIsShownInFull() throws IOException {
    Path baskets = ROOT.resolve("docs/examples/table-functions/baskets.sql");
    assertTrue(blocks(TABLE_FUNCTIONS, "sql").contains(Files.readString(baskets).strip()));
  }

  @ParameterizedTest
  @ValueSource(strings = {TESTING, AGGREGATION, FORMATS, TABLE_FUNCTIONS, HEADERS, EXPRESSIONS})
  void everyShownRunPrintsWhatTheDocsSay(String page) throws Exception {
    Optional<CaseSessionFactory> engine = Optional.of(CaseSessionFactory.find().orElseThrow());
    List<String> runs =
        blocks(page, "").stream().filter(b -> b.startsWith("$ bin/millrace test ")).toList();
    assertFalse(runs.isEmpty());
    for (String run : runs) {
      String[] lines = run.split("\n", 2);
      List<String> args =
          Arrays.stream(lines[0].substring("$ bin/millrace test ".length()).split("\\s+"))
              .map(arg -> Files.exists(ROOT.resolve(arg)) ? ROOT.resolve(arg).toString() : arg)
              .toList();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
      int status =
          new TestSubcommand(
                  print, print, () -> new TestCommand(engine, TestCommand.TEST_TIMEOUT_MILLIS))
              .run(args);

      assertEquals(lines[1], out.toString(StandardCharsets.UTF_8), lines[0]);
      assertEquals(0, status, lines[0]);
    }
  }

  private static void assertShownAsJson(String page, Path file) throws IOException {
    JsonNode example = CaseFileRunner.JSON.readTree(file.toFile());
    List<JsonNode> shown = new ArrayList<>();
    for (String block : blocks(page, "json")) {
      shown.add(CaseFileRunner.JSON.readTree(block));
    }
    assertTrue(shown.contains(example), file + " is not shown in " + page + " as it is");
  }

  /** The contents of {@code page}'s code blocks of this language ("" for plain blocks). */
  private static List<String> blocks(String page, String language) throws IOException {
    Matcher block = CODE_BLOCK.matcher(Files.readString(ROOT.resolve(page)));
    List<String> found = new ArrayList<>();
    while (block.find()) {
      if (block.group(1).equals(language)) {
        found.add(language.isEmpty() ? block.group(2) : block.group(2).strip());
      }
    }
    return found;
  }

  private static String withoutLeadingComments(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    int first = 0;
    while (first < lines.size()
        && (lines.get(first).startsWith("-- ") || lines.get(first).isBlank())) {
      first++;
    }
    return String.join("\n", lines.subList(first, lines.size())).strip();
  }
}
