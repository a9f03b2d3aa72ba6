package dev.millrace.cli.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlTestFileTest {

  private static final String FILE =
      String.join(
          "\n",
          "-- a header comment",
          "/* and a block comment; with a semicolon */",
          "--@test: passing test",
          "CREATE STREAM s (id INT KEY, v INT) WITH (kafka_topic='s', value_format='JSON');",
          "INSERT INTO s (id, v) VALUES (1, 2);",
          "",
          "--@test: failing test",
          "--@expected.error: io.confluent.ksql.util.KsqlException",
          "--@expected.message:   does not exist  ",
          "CREATE STREAM b AS SELECT * FROM nowhere;",
          "");

  @Test
  void sectionsRunFromOneTestLineToTheNext() {
    List<SqlTest> tests = SqlTestFile.parse("t.sql", FILE);

    assertEquals(
        List.of("passing test", "failing test"), tests.stream().map(SqlTest::name).toList());
    assertEquals(List.of(3, 7), tests.stream().map(SqlTest::line).toList());
    assertTrue(tests.get(0).sql().contains("INSERT INTO s"));
    assertFalse(tests.get(0).sql().contains("nowhere"));
    assertFalse(tests.get(1).sql().contains("INSERT INTO s"));
  }

  @Test
  void directivesBelongToTheirTest() {
    List<SqlTest> tests = SqlTestFile.parse("t.sql", FILE);

    assertFalse(tests.get(0).expectsError());
    assertEquals(Optional.of("io.confluent.ksql.util.KsqlException"), tests.get(1).expectedError());
    assertEquals(Optional.of("does not exist"), tests.get(1).expectedMessage());
    assertTrue(tests.get(1).expectsError());
  }

  @Test
  void sqlKeepsTheFilesLineNumbers() {
    List<SqlTest> tests = SqlTestFile.parse("t.sql", FILE);

    assertEquals(
        "CREATE STREAM b AS SELECT * FROM nowhere;", tests.get(1).sql().split("\n", -1)[9]);
    assertEquals("INSERT INTO s (id, v) VALUES (1, 2);", tests.get(0).sql().split("\n", -1)[4]);
  }

  @Test
  void anExpectedMessageAloneExpectsAnError() {
    SqlTest test =
        SqlTestFile.parse("t.sql", "--@test: t\n--@expected.message: boom\nSELECT 1;").get(0);
    assertTrue(test.expectsError());
    assertEquals(Optional.empty(), test.expectedError());
  }

  @Test
  void aFileWithoutTestsHasNone() {
    assertEquals(List.of(), SqlTestFile.parse("t.sql", "-- nothing here\n"));
    assertEquals(List.of(), SqlTestFile.parse("t.sql", ""));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "CREATE STREAM s (id INT) WITH (kafka_topic='s', value_format='JSON');\\n--@test: t\\n | t.sql:1: statements before the first --@test: line would never run",
        "-- fine\\nDROP STREAM s;\\n--@test: t\\n                                              | t.sql:2: statements before the first --@test: line would never run",
        "--@expected.error: X\\n--@test: t\\n                                                   | t.sql:1: --@expected.error: must come after a --@test: line",
        "--@test: t\\n--@expected.eror: X\\n                                                   | t.sql:2: unknown directive --@expected.eror: (known: --@test:, --@expected.error:, --@expected.message:)",
        "--@test: t\\n--@test: u\\n--@test: t\\n                                                | t.sql:3: a second test named 't' (the first is at line 1)",
        "--@test:   \\n                                                                        | t.sql:1: --@test: needs a name",
      })
  void malformedFilesSayWhereAndWhat(String text, String message) {
    TestInputException wrong =
        assertThrows(
            TestInputException.class, () -> SqlTestFile.parse("t.sql", text.replace("\\n", "\n")));
    assertEquals(message, wrong.getMessage());
  }
}
