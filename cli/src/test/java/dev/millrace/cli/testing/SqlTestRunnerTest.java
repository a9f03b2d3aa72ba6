package dev.millrace.cli.testing;

import static dev.millrace.cli.testing.FakeSession.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.cli.testing.CaseResult.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTestRunnerTest {
  private static final String CREATE_FOO =
      "CREATE STREAM foo (id INT KEY, col1 INT) WITH (kafka_topic='foo', value_format='JSON');\n";
  private static final String CREATE_BAR = "CREATE STREAM bar AS SELECT * FROM foo;\n";
  private static final String INSERT_1 = "INSERT INTO foo (rowtime, id, col1) VALUES (1, 1, 1);\n";
  private static final String INSERT_2 = "INSERT INTO foo (rowtime, id, col1) VALUES (2, 2, 4);\n";

  private final FakeSession session =
      new FakeSession()
          .source("FOO", "stream", "`ID` INTEGER KEY, `COL1` INTEGER", "JSON", "foo")
          .source("BAR", "stream", "`ID` INTEGER KEY, `COL1` INTEGER", "JSON", "BAR")
          .emitOn("VALUES (1, 1, 1)", record("BAR", "1", "{\"COL1\": 1}", 1L))
          .emitOn("VALUES (2, 2, 4)", record("BAR", "2", "{\"COL1\": 4}", 2L));

  @Test
  void statementsRunInOrderAndAssertionsAreCheckedNotSent() {
    CaseResult result =
        run(
            CREATE_FOO
                + CREATE_BAR
                + "ASSERT STREAM bar (id INT KEY, col1 INT) WITH (kafka_topic='BAR', value_format='JSON');\n"
                + INSERT_1
                + "ASSERT VALUES bar (rowtime, id, col1) VALUES (1, 1, 1);");

    assertEquals(CaseResult.pass("t.sql", "t"), result);
    assertEquals(
        List.of(
            "CREATE STREAM foo (id INT KEY, col1 INT) WITH (kafka_topic='foo', value_format='JSON')",
            "CREATE STREAM bar AS SELECT * FROM foo",
            "INSERT INTO foo (rowtime, id, col1) VALUES (1, 1, 1)"),
        session.executed);
    assertTrue(session.closed);
  }

  @Test
  void eachAssertionReadsTheNextRecordOfItsSource() {
    session.emitOn("VALUES (5)", record("foo", "5", "{}", 0L));
    assertEquals(
        Status.PASS,
        run(CREATE_FOO
                + CREATE_BAR
                + INSERT_1
                + INSERT_2
                + "INSERT INTO foo (id) VALUES (5);\n"
                + "ASSERT VALUES bar (id, col1) VALUES (1, 1);\n"
                + "ASSERT VALUES bar (id, col1) VALUES (2, 4);\n"
                + "ASSERT VALUES foo (id) VALUES (5);")
            .status());
  }

  @Test
  void aWrongRecordShowsExpectedAndActualColumnsSideBySide() {
    CaseResult result =
        run(
            CREATE_FOO
                + CREATE_BAR
                + INSERT_1
                + "ASSERT VALUES bar (rowtime, id, col1) VALUES (2, 1, 7);");

    assertEquals(Status.FAIL, result.status());
    assertEquals(
        """
        line 5:1: Expected record does not match actual for BAR (record 0 of topic BAR)
          column    expected | actual
          ROWTIME   2        ≠ 1
          ID        1        | 1
          COL1      7        ≠ 1""",
        result.message());
  }

  @Test
  void unlistedColumnsAreExpectedNullButRowtimeOnlyWhenListed() {
    assertEquals(
        Status.PASS,
        run(CREATE_FOO + CREATE_BAR + INSERT_1 + "ASSERT VALUES bar (col1, id) VALUES (1, 1);")
            .status());
    CaseResult result =
        run(CREATE_FOO + CREATE_BAR + INSERT_1 + "ASSERT VALUES bar (id) VALUES (1);");
    assertTrue(result.message().contains("  COL1     null     ≠ 1"), result.message());
  }

  @Test
  void withoutAColumnListValuesFollowTheSchema() {
    assertEquals(
        Status.PASS,
        run(CREATE_FOO + CREATE_BAR + INSERT_1 + "ASSERT VALUES bar VALUES (1, 1);").status());
  }

  @Test
  void runningOutOfRecordsFails() {
    CaseResult result =
        run(
            CREATE_FOO
                + CREATE_BAR
                + INSERT_1
                + "ASSERT VALUES bar (id, col1) VALUES (1, 1);\nASSERT VALUES bar (id, col1) VALUES (1, 1);");

    assertEquals(
        "line 6:1: Expected a record in BAR but topic BAR has no more records (1 read by earlier assertions)",
        result.message());
  }

  @Test
  void tombstones() {
    session
        .source("T", "table", "`ID` INTEGER PRIMARY KEY, `V` STRING", "JSON", "t")
        .emitOn("'emit'", record("t", "1", null, 3L), record("t", "2", "{\"V\": \"x\"}", 4L));

    assertEquals(
        Status.PASS, run("SET 'emit' = 'now';\nASSERT NULL VALUES t (id) KEY (1);").status());
    assertEquals(Status.PASS, run("SET 'emit' = 'now';\nASSERT NULL VALUES t KEY (1);").status());
    assertEquals(
        "line 3:1: Expected tombstone does not match actual for T (record 0 of topic t)\n"
            + "  column   expected | actual\n"
            + "  ID       2        ≠ 1",
        run("SET 'emit' = 'now';\nASSERT NULL VALUES t (id) KEY (2);").message());
    assertEquals(
        "line 4:1: Expected tombstone does not match actual: the next record of T has value {\"V\":\"x\"} (key 2)",
        run("SET 'emit' = 'now';\nASSERT NULL VALUES t KEY (1);\nASSERT NULL VALUES t KEY (2);")
            .message());
    assertEquals(
        "line 3:1: Expected record does not match actual: the next record of T is a tombstone (key 1)",
        run("SET 'emit' = 'now';\nASSERT VALUES t (id, v) VALUES (1, 'x');").message());
  }

  @Test
  void assertSourceComparesTypeSchemaTopicAndFormats() {
    String prefix = CREATE_FOO + CREATE_BAR;
    assertEquals(
        Status.PASS,
        run(prefix
                + "ASSERT STREAM bar (id INTEGER KEY, col1 INT) WITH (kafka_topic='BAR', value_format='json', key_format='KAFKA');")
            .status());
    assertEquals(Status.PASS, run(prefix + "ASSERT STREAM bar;").status());
    assertEquals(
        "line 4:1: Expected type does not match actual for source BAR: expected a TABLE but it is a stream",
        run(prefix + "ASSERT TABLE bar;").message());
    assertEquals(
        "line 4:1: Expected schema does not match actual for source BAR\n"
            + "  expected: `ID` INTEGER, `COL1` STRING\n"
            + "  actual:   `ID` INTEGER KEY, `COL1` INTEGER",
        run(prefix + "ASSERT STREAM bar (id INT, col1 VARCHAR);").message());
    assertEquals(
        "line 4:1: Expected kafka topic does not match actual for source BAR: expected bar but was BAR",
        run(prefix + "ASSERT STREAM bar WITH (kafka_topic='bar');").message());
    assertEquals(
        "line 4:1: Expected value format does not match actual for source BAR: expected AVRO but was JSON",
        run(prefix + "ASSERT STREAM bar WITH (value_format='AVRO');").message());
    assertEquals(
        "line 4:1: Expected key format does not match actual for source BAR: expected JSON but was KAFKA",
        run(prefix + "ASSERT STREAM bar WITH (format='JSON');").message());
    assertEquals(
        "line 4:1: ASSERT cannot check TIMESTAMP yet; Millrace checks KAFKA_TOPIC, FORMAT, KEY_FORMAT and VALUE_FORMAT",
        run(prefix + "ASSERT STREAM bar WITH (timestamp='col1');").message());
    assertEquals(
        "line 4:1: source NOPE does not exist", run(prefix + "ASSERT STREAM nope;").message());
  }

  @Test
  void theFirstFailureStopsTheTest() {
    session.reject("FROM foo", new IllegalArgumentException("line 1:34: FOO does not exist"));

    CaseResult result = run(CREATE_BAR + CREATE_FOO);

    assertEquals(CaseResult.fail("t.sql", "t", "line 2:1: line 1:34: FOO does not exist"), result);
    assertEquals(1, session.executed.size());
  }

  @Test
  void syntaxErrorsAreReportedAtTheirPlaceInTheFileAfterTheStatementsBeforeThemRan() {
    CaseResult result = run(CREATE_FOO + "CREATE STREEM bar;");
    assertEquals(Status.FAIL, result.status());
    assertTrue(result.message().startsWith("line 3:8: "), result.message());
    assertEquals(1, session.executed.size());

    CaseResult later = run(CREATE_FOO + "  ASSERT VALUES foo (id)\n  VALUES (1 +);");
    assertTrue(later.message().startsWith("line 4:14: "), later.message());
  }

  @Test
  void anExpectedErrorPassesWhenTheRunStopsWithAMatchingMessage() {
    session.reject("FROM foo", new IllegalArgumentException("FOO does not exist"));
    String rejected =
        "--@expected.error: io.confluent.ksql.util.KsqlException\n--@expected.message: does not exist\n"
            + CREATE_BAR;

    assertEquals(Status.PASS, run(rejected).status());
    assertEquals(
        "expected an error (io.confluent.ksql.util.KsqlException) containing \"does not exist\""
            + " but every statement and assertion succeeded",
        run(rejected.replace(CREATE_BAR, CREATE_FOO)).message());
    assertEquals(
        "expected an error containing \"no such stream\" but got: line 3:1: FOO does not exist",
        run("--@expected.message: no such stream\n" + CREATE_BAR).message());
    assertEquals(Status.PASS, run("--@expected.error: AnyError\n" + CREATE_BAR).status());
  }

  @Test
  void aFailedAssertionIsAnErrorTooAsInKsqlDb() {
    assertEquals(
        Status.PASS,
        run("--@expected.message: Expected record does not match actual\n"
                + CREATE_FOO
                + CREATE_BAR
                + INSERT_1
                + "ASSERT VALUES bar (id, col1) VALUES (2, 2);")
            .status());
  }

  /** Runs one test named t whose body starts on line 2 of t.sql. */
  private CaseResult run(String body) {
    SqlTest test = SqlTestFile.parse("t.sql", "--@test: t\n" + body).get(0);
    return new SqlTestRunner(new FakeSessions(() -> session), 10_000).run(test);
  }
}
