package dev.millrace.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The exact text of syntax errors: what people see in the shell and over REST. */
class ParserErrorsTest {

  private static final String TOO_DEEP = "statement is nested too deeply: the limit is 200 levels";

  private final SqlParser parser = new SqlParser();

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("SELECT * FRM x;", "line 1:10: mismatched input 'FRM' expecting ',' or FROM"),
        Arguments.of("SELEC * FROM x;", "line 1:1: mismatched input 'SELEC' expecting a statement"),
        Arguments.of(
            "SELECT * FROM x WHERE;", "line 1:22: mismatched input ';' expecting an expression"),
        Arguments.of(
            "SELECT * FROM x WHERE a = ;",
            "line 1:27: mismatched input ';' expecting an expression"),
        Arguments.of(
            "SELECT a b c FROM x;", "line 1:12: extraneous input 'c' expecting ',' or FROM"),
        Arguments.of("SELECT * FROM x EMIT;", "line 1:21: missing CHANGES or FINAL at ';'"),
        Arguments.of("SELECT (a + 1 FROM x;", "line 1:15: missing ')' at 'FROM'"),
        Arguments.of("SELECT * FROM s WINDOW FOO (SIZE 1 SECOND);", "line 1:28: unexpected '('"),
        Arguments.of("CREATE STREAM s AS SELECT * FROM t GROUP a;", "line 1:42: missing BY at 'a'"),
        Arguments.of(
            "SELECT case when a then 1 from s;",
            "line 1:27: extraneous input 'from' expecting ELSE, END or WHEN"),
        Arguments.of(
            "SELECT * FROM s JOIN t WITHIN 10 ON s.a = t.a;",
            "line 1:34: missing "
                + "a time unit (DAYS, HOURS, MINUTES, SECONDS or MILLISECONDS) at 'ON'"),
        Arguments.of(
            "SELECT CAST(a AS) FROM s;", "line 1:17: mismatched input ')' expecting a type"),
        Arguments.of("SELECT a FROM x WHERE a = 'abc;", "line 1:27: unterminated string"),
        Arguments.of("SELECT `a FROM x;", "line 1:8: unterminated quoted identifier"),
        Arguments.of("SELECT a # b FROM x;", "line 1:10: unexpected character '#'"),
        Arguments.of(
            "CREATE STREAM s (a INT, b) WITH (kafka_topic='t');",
            "line 1:26: mismatched input ')' expecting a type"),
        Arguments.of(
            "CREATE STREAM s (a INT) WITH (kafka_topic='t', kafka_topic='u');",
            "line 1:48: property KAFKA_TOPIC is given twice"),
        Arguments.of(
            "CREATE STREAM s AS SELECT * FROM t WINDOW TUMBLING (SIZE 1 YEAR) " + "GROUP BY a;",
            "line 1:60: mismatched input 'YEAR' expecting a time unit "
                + "(DAYS, HOURS, MINUTES, SECONDS or MILLISECONDS)"),
        Arguments.of(
            "CREATE TABLE t AS SELECT a, COUNT(*) FROM s WINDOW TUMBLING "
                + "(SIZE 1 SECOND, GRACE PERIOD 1 SECOND, GRACE PERIOD 2 SECONDS) GROUP BY a;",
            "line 1:100: GRACE PERIOD is given twice"),
        Arguments.of("DROP STREAM;", "line 1:12: mismatched input ';' expecting an identifier"),
        Arguments.of(
            "SELECT * FROM a JOIN b;", "line 1:23: mismatched input ';' expecting ON or WITHIN"),
        Arguments.of(
            "INSERT INTO s VALUES (1, 2;", "line 1:27: extraneous input ';' expecting ')' or ','"),
        Arguments.of(
            "SELECT * FROM s LIMIT 99999999999;",
            "line 1:23: number 99999999999 is too large here"),
        Arguments.of(
            "SELECT 9223372036854775808 FROM s;",
            "line 1:8: number 9223372036854775808 is out of range for BIGINT"),
        Arguments.of(
            "SELECT 1 FROM s;\nSELECT * FROM\n  t WHERE x == 1;",
            "line 3:14: extraneous input '=' expecting an expression"),
        Arguments.of(
            "SELECT", "line 1:7: unexpected end of input, expecting an expression " + "or '*'"),
        Arguments.of(
            "CREATE TABLE t (id INT PRIMARY) WITH (kafka_topic='x');",
            "line 1:31: missing KEY at ')'"),
        Arguments.of(
            "CREATE STREAM s (k INT(3)) WITH (kafka_topic='x');",
            "line 1:23: type INT takes no parameters"),
        Arguments.of("SELECT \"a FROM x;", "line 1:8: unterminated quoted identifier"),
        Arguments.of(
            "SELECT " + "(".repeat(201) + "1" + ")".repeat(201) + " FROM s;",
            "line 1:208: " + TOO_DEEP),
        Arguments.of(
            "SELECT " + "(".repeat(1000) + "1" + ")".repeat(1000) + " FROM s;",
            "line 1:208: " + TOO_DEEP),
        Arguments.of(
            "SELECT * FROM s WHERE\n" + "NOT ".repeat(300) + "a;", "line 2:801: " + TOO_DEEP),
        Arguments.of("SELECT 1" + " + 1".repeat(300) + " FROM s;", "line 1:810: " + TOO_DEEP),
        Arguments.of("SELECT key" + " * key".repeat(300) + " FROM s;", "line 1:1212: " + TOO_DEEP),
        Arguments.of("SELECT a" + "[1]".repeat(300) + " FROM s;", "line 1:606: " + TOO_DEEP),
        Arguments.of(
            "SELECT CAST(a AS " + "ARRAY<".repeat(300) + "INT" + ">".repeat(300) + ") FROM s;",
            "line 1:1217: " + TOO_DEEP),
        Arguments.of(
            "SELECT * FROM s" + " JOIN t WITHIN 1 SECOND ON s.a = t.a".repeat(300) + ";",
            "line 1:7217: " + TOO_DEEP),
        Arguments.of("EXPLAIN ".repeat(300) + "SHOW STREAMS;", "line 1:1601: " + TOO_DEEP));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void reportsWhereAndWhat(String sql, String message) {
    ParseException error = assertThrows(ParseException.class, () -> parser.parse(sql));
    assertEquals(message, error.getMessage());
  }

  @Test
  void snippetPointsAtTheOffendingToken() {
    ParseException error =
        assertThrows(
            ParseException.class,
            () -> parser.parse("SELECT 1 FROM s;\nSELECT * FROM\n  t WHERE x == 1;"));
    assertEquals(3, error.line());
    assertEquals(14, error.column());
    assertEquals("extraneous input '=' expecting an expression", error.reason());
    assertEquals("  t WHERE x == 1;\n             ^", error.snippet());
  }

  @Test
  void expressionErrorsUseTheSameFormat() {
    ParseException error = assertThrows(ParseException.class, () -> parser.parseExpression("a +"));
    assertEquals("line 1:4: unexpected end of input, expecting an expression", error.getMessage());
  }

  @Test
  void singleStatementRejectsASecondOne() {
    ParseException error =
        assertThrows(
            ParseException.class, () -> parser.parseStatement("SHOW STREAMS; SHOW TABLES;"));
    assertEquals("line 1:15: mismatched input 'SHOW' expecting end of input", error.getMessage());
  }

  @Test
  void pauseNeedsAQueryIdOrAll() {
    ParseException error = assertThrows(ParseException.class, () -> parser.parse("PAUSE;"));
    assertEquals(1, error.line());
    assertEquals(6, error.column());
  }
}
