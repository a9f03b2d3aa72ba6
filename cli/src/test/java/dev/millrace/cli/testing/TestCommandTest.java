package dev.millrace.cli.testing;

import static dev.millrace.cli.testing.FakeSession.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.cli.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {
  private static final String CASES =
      """
      {"tests": [
        {"name": "passes", "statements": ["CREATE STREAM OUTPUT AS SELECT * FROM INPUT;"],
         "inputs": [{"topic": "input", "key": 1, "value": {"V": 1}}],
         "outputs": [{"topic": "OUTPUT", "key": 1, "value": {"V": 1}}]},
        {"name": "fails", "statements": ["CREATE STREAM OUTPUT AS SELECT * FROM INPUT;"],
         "outputs": [{"topic": "OUTPUT", "key": 1, "value": {"V": 2}}]},
        {"name": "needs udfs", "requires": ["udf-jar"], "statements": ["SELECT test_udf(1) FROM X EMIT CHANGES;"]},
        {"name": "crashes", "properties": {"crash": true}, "statements": ["CREATE STREAM OUTPUT AS SELECT * FROM INPUT;"]}
      ]}
      """;

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CountDownLatch never = new CountDownLatch(1);

  /**
   * Each session has one record on OUTPUT; a case with the property {@code crash} breaks the
   * engine.
   */
  private final CaseSessionFactory engine =
      properties -> {
        if (properties.containsKey("crash")) {
          throw new IllegalStateException("engine exploded");
        }
        return new FakeSession()
            .output(record("OUTPUT", "1", "{\"V\": 1}", 0L))
            .source("OUTPUT", "stream", "`K` INT KEY, `V` INT", "JSON", "OUTPUT");
      };

  @AfterEach
  void releaseStuckSessions() {
    never.countDown();
  }

  @Test
  void caseFilesPrintALinePerTestAndTheCountsAndFailWhenAnyFails() throws Exception {
    Path report = dir.resolve("report.json");

    int status = run(engine, "--report", report.toString(), write("cases.json", CASES).toString());

    assertEquals(1, status);
    assertEquals(
        """
        PASS passes
        FAIL fails
          topic OUTPUT, record 0: value: V: expected 2 but was 1
            expected     | actual
            1 -> {"V":2} ≠ 1 -> {"V":1} @0
        SKIP needs udfs: needs ksqlDB's test-only user functions: give their jars' directory with --extension-dir
        ERROR crashes: IllegalStateException: engine exploded
        1 passed, 2 failed, 1 skipped
        """,
        output());
    JsonNode results = CaseFileRunner.JSON.readTree(report.toFile()).get("results");
    assertEquals(4, results.size());
    assertEquals(
        "{\"file\":\"cases.json\",\"test\":\"crashes\",\"status\":\"ERROR\",\"message\":\"IllegalStateException: engine exploded\"}",
        results.get(3).toString());
  }

  @Test
  void sqlTestDirectoriesRunEveryFileUnderThemInNameOrder() throws Exception {
    Files.createDirectories(dir.resolve("suite/nested"));
    write("suite/b.sql", "--@test: b1\nSET 'a' = 'b';\n");
    write(
        "suite/nested/a.sql",
        "--@test: a1\nSET 'a' = 'b';\n--@test: a2\n--@expected.message: nope\nSET 'a' = 'b';\n");
    write("suite/ignored.txt", "--@test: x\n");

    int status = run(engine, dir.resolve("suite").toString());

    assertEquals(1, status);
    assertEquals(
        "== "
            + dir.resolve("suite/b.sql")
            + "\n"
            + "PASS b1\n"
            + "== "
            + dir.resolve("suite/nested/a.sql")
            + "\n"
            + "PASS a1\n"
            + "FAIL a2\n"
            + "  expected an error containing \"nope\" but every statement and assertion succeeded\n"
            + "2 passed, 1 failed\n",
        output());
  }

  @Test
  void ksqlTestRunnerFilesAreOneTest() throws Exception {
    Path sql = write("statements.sql", "CREATE STREAM OUTPUT AS SELECT * FROM INPUT;");
    Path in =
        write(
            "in.json", "{\"inputs\": [{\"topic\": \"input\", \"key\": 1, \"value\": {\"V\": 1}}]}");
    Path expected =
        write(
            "out.json",
            "{\"outputs\": [{\"topic\": \"OUTPUT\", \"key\": 1, \"value\": {\"V\": 1}, \"timestamp\": 0}]}");

    assertEquals(
        0, run(engine, "-s", sql.toString(), "-i", in.toString(), "-o", expected.toString()));
    assertEquals("PASS statements.sql\n1 passed, 0 failed\n", output());
  }

  @Test
  void unusableTestFilesAreErrorsOfTheirTest() throws Exception {
    Path sql = write("statements.sql", "CREATE STREAM OUTPUT AS SELECT * FROM INPUT;");
    Path expected = write("out.json", "[]");

    assertEquals(1, run(engine, "-s", sql.toString(), "-o", expected.toString()));
    assertEquals(
        "ERROR statements.sql: "
            + expected
            + ": expected {\"outputs\": [records]}\n0 passed, 1 failed\n",
        output());
  }

  @Test
  void aHangingTestTimesOutAndTheRunGoesOn() throws Exception {
    CaseSessionFactory hangsOnce =
        properties ->
            properties.containsKey("hang")
                ? new FakeSession().hangUntil(never)
                : engine.open(properties);
    Path cases =
        write(
            "cases.json",
            """
        {"tests": [
          {"name": "hangs", "properties": {"hang": 1}, "statements": ["CREATE STREAM A (V INT) WITH (kafka_topic='a', value_format='JSON');"]},
          {"name": "passes", "statements": [], "outputs": [{"topic": "OUTPUT", "key": 1, "value": {"V": 1}}]}
        ]}
        """);

    int status = subcommand(hangsOnce, 200).run(List.of(cases.toString()));

    assertEquals(1, status);
    assertEquals(
        "ERROR hangs: timed out after 200 ms\nPASS passes\n1 passed, 1 failed\n", output());
  }

  @Test
  void usageErrorsGoToTheLauncher() throws Exception {
    assertEquals(
        "unknown option --frobnicate",
        assertThrows(UsageException.class, () -> run(engine, "--frobnicate")).getMessage());
    Files.createDirectory(dir.resolve("empty"));
    assertEquals(
        "no .sql test files in " + dir.resolve("empty"),
        assertThrows(UsageException.class, () -> run(engine, dir.resolve("empty").toString()))
            .getMessage());
    assertEquals("", output());
  }

  @Test
  void helpPrintsUsage() throws Exception {
    TestSubcommand test = subcommand(engine, 1000);
    assertEquals(0, test.run(List.of("--help")));
    assertEquals(test.usage(), output());
    assertEquals("test", test.name());
  }

  @Test
  void withoutAnEngineNothingCanRun() throws Exception {
    TestSubcommand withoutEngine =
        new TestSubcommand(print(out), print(err), () -> new TestCommand(Optional.empty(), 1000));
    int status = withoutEngine.run(List.of(write("c.json", CASES).toString()));

    assertEquals(2, status);
    assertEquals(
        "millrace test: no engine found on the class path (no dev.millrace.cli.testing.CaseSessionFactory provider)\n",
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anUnwritableReportFailsTheRun() throws Exception {
    Path sql = write("t.sql", "--@test: t\nSET 'a' = 'b';\n");

    assertEquals(
        2, run(engine, "--report", dir.resolve("no/such/dir/r.json").toString(), sql.toString()));
    assertEquals("PASS t\n1 passed, 0 failed\n", output());
    assertTrue(
        err.toString(StandardCharsets.UTF_8).startsWith("millrace test: cannot write the report "),
        err.toString());
  }

  private int run(CaseSessionFactory factory, String... args) throws UsageException {
    return subcommand(factory, 10_000).run(List.of(args));
  }

  private TestSubcommand subcommand(CaseSessionFactory factory, long timeoutMillis) {
    return new TestSubcommand(
        print(out), print(err), () -> new TestCommand(Optional.of(factory), timeoutMillis));
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private static PrintStream print(ByteArrayOutputStream buffer) {
    return new PrintStream(buffer, true, StandardCharsets.UTF_8);
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }
}
