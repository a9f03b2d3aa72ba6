package dev.millrace.parser.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.parser.SqlParser;
import dev.millrace.parser.ast.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlFormatterTest {

  private final SqlParser parser = new SqlParser();

  static Stream<Arguments> expressions() {
    return Stream.of(
        Arguments.of("a + b * 2 > c", "((A + (B * 2)) > C)"),
        Arguments.of("NOT a AND b OR c", "(((NOT A) AND B) OR C)"),
        Arguments.of("s->f[1]", "S->F[1]"),
        Arguments.of("- -5", "-(-5)"),
        Arguments.of("x.`weird col` || 'it''s'", "(X.`weird col` || 'it''s')"),
        Arguments.of("`select`", "`select`"),
        Arguments.of("\"select\".\"a\"\"b\"", "`select`.`a\"b`"),
        Arguments.of("\"A\" + \"a`b\"", "(A + `a``b`)"),
        Arguments.of("map", "`MAP`"),
        Arguments.of("1e3 + 1.0 + 2.", "((1000.0E0 + 1.0) + 2.)"),
        Arguments.of("CASE WHEN a THEN 1 ELSE 2 END", "(CASE WHEN A THEN 1 ELSE 2 END)"),
        Arguments.of("case a when 1 then 'x' end", "(CASE A WHEN 1 THEN 'x' END)"),
        Arguments.of("cast(a as varchar)", "CAST(A AS STRING)"),
        Arguments.of(
            "CAST(a AS STRUCT<b int, `c` MAP<STRING, DECIMAL(4,2)>>)",
            "CAST(A AS STRUCT<B INTEGER, `c` MAP<STRING, DECIMAL(4, 2)>>)"),
        Arguments.of("TRANSFORM(xs, x => x * 2)", "TRANSFORM(XS, X => (X * 2))"),
        Arguments.of("REDUCE(m, 0, (s, k, v) => s + v)", "REDUCE(M, 0, (S, K, V) => (S + V))"),
        Arguments.of("ARRAY[1, 2]", "ARRAY[1, 2]"),
        Arguments.of("MAP('a' := 1)", "MAP('a' := 1)"),
        Arguments.of("STRUCT(a := 1, `b` := 'x')", "STRUCT(A := 1, `b` := 'x')"),
        Arguments.of("count(*)", "COUNT(*)"),
        Arguments.of("count(distinct a)", "COUNT(DISTINCT A)"),
        Arguments.of("a not like 'x%' escape '!'", "(A NOT LIKE 'x%' ESCAPE '!')"),
        Arguments.of("a in (1, 2)", "(A IN (1, 2))"),
        Arguments.of("a not between 1 and 2", "(A NOT BETWEEN 1 AND 2)"),
        Arguments.of("a is not null", "(A IS NOT NULL)"),
        Arguments.of("a is not distinct from b", "(A IS NOT DISTINCT FROM B)"),
        Arguments.of("a != b", "(A <> B)"),
        Arguments.of("TIMESTAMPADD(SECONDS, 1, ts)", "TIMESTAMPADD(SECONDS, 1, TS)"));
  }

  @ParameterizedTest
  @MethodSource("expressions")
  void formatsExpressionsCanonically(String sql, String expected) {
    String formatted = SqlFormatter.format(parser.parseExpression(sql));
    assertEquals(expected, formatted);
    assertEquals(parser.parseExpression(sql), parser.parseExpression(formatted));
  }

  @Test
  void formatsQueries() {
    assertEquals(
        "SELECT A AS X, S.* FROM S AS S1 LEFT OUTER JOIN T WITHIN (1 SECONDS, "
            + "2 MINUTES) GRACE PERIOD 3 HOURS ON (S.ID = T.ID) WHERE (A > 1) "
            + "PARTITION BY B EMIT CHANGES LIMIT 5",
        SqlFormatter.format(
            parser.parseStatement(
                "select a x, s.* from s s1 left join t "
                    + "within (1 second, 2 minutes) grace period 3 hours on s.id = t.id "
                    + "where a > 1 partition by b emit changes limit 5")));
  }

  @Test
  void namesNeedQuotesOnlyWhenTheyWouldNotReadBack() {
    assertEquals("ORDERS", SqlFormatter.identifier("ORDERS"));
    assertEquals("`orders`", SqlFormatter.identifier("orders"));
    assertEquals("`FROM`", SqlFormatter.identifier("FROM"));
    assertEquals("`A B`", SqlFormatter.identifier("A B"));
    assertEquals("`A``B`", SqlFormatter.identifier("A`B"));
    assertEquals("`K`", SqlFormatter.quoted("K"));
  }

  /** Statement kinds the compatibility corpus does not cover; parse, format, parse again. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE OR REPLACE SOURCE TABLE IF NOT EXISTS t (id INT PRIMARY KEY, h ARRAY<STRUCT<key "
            + "STRING, value BYTES>> HEADERS) WITH (kafka_topic='t', format='JSON', "
            + "'timestamp'='ts', wrap_single_value=false, partitions=-1, ratio=0.5)",
        "CREATE STREAM s WITH (kafka_topic='x', value_format='AVRO')",
        "CREATE TABLE t AS SELECT k, COUNT(*) FROM s WINDOW TUMBLING (SIZE 1 HOUR, RETENTION "
            + "2 DAYS, GRACE PERIOD 10 MINUTES) GROUP BY k EMIT FINAL",
        "CREATE TABLE t AS SELECT k, COUNT(*) FROM s WINDOW SESSION (5 MINUTES) GROUP BY (k, j)",
        "SELECT * FROM t WHERE k = 1",
        "INSERT INTO s WITH (query_id='q') SELECT * FROM other",
        "INSERT INTO s (a, b) VALUES (1, 'x')",
        "INSERT INTO s VALUES (1, ARRAY[2], MAP('k' := 3), STRUCT(f := 4))",
        "ALTER STREAM s ADD COLUMN c INT, ADD d STRING",
        "CREATE TYPE IF NOT EXISTS address AS STRUCT<street STRING, zip INT>",
        "DROP TYPE IF EXISTS address",
        "DROP TABLE IF EXISTS t DELETE TOPIC",
        "SHOW STREAMS EXTENDED",
        "LIST TABLES",
        "SHOW ALL TOPICS",
        "SHOW QUERIES EXTENDED",
        "SHOW PROPERTIES",
        "SHOW FUNCTIONS",
        "SHOW TYPES",
        "SHOW VARIABLES",
        "DESCRIBE EXTENDED s",
        "DESCRIBE STREAMS EXTENDED",
        "DESCRIBE FUNCTION concat",
        "EXPLAIN CSAS_OUT_0",
        "EXPLAIN SELECT * FROM s EMIT CHANGES",
        "EXPLAIN ANALYZE CSAS_OUT_0",
        "EXPLAIN ANALYZE CREATE STREAM out AS SELECT * FROM s EMIT CHANGES",
        "EXPLAIN ANALYZE SELECT * FROM s EMIT CHANGES",
        "EXPLAIN analyze",
        "TERMINATE csas_out_0",
        "TERMINATE ALL",
        "PAUSE csas_out_0",
        "PAUSE ALL",
        "RESUME csas_out_0",
        "RESUME ALL",
        "SET 'auto.offset.reset' = 'earliest'",
        "UNSET 'auto.offset.reset'",
        "DEFINE myVar = 'x'",
        "UNDEFINE myVar",
        "RUN SCRIPT '/tmp/a.sql'",
        "PRINT 'my-topic' FROM BEGINNING INTERVAL 2 LIMIT 10",
        "PRINT orders",
        "ASSERT VALUES out (k, v) VALUES (1, 'a')",
        "ASSERT NULL VALUES out (k) KEY (1)",
        "ASSERT STREAM out (k INT KEY, v STRING) WITH (kafka_topic='out')",
        "ASSERT TABLE out (k INT PRIMARY KEY) WITH (kafka_topic='out')",
        "CREATE STREAM \"Mixed Case\" (\"k\" INT KEY, \"v\"\"q\" STRING) WITH (kafka_topic='t')",
        "SELECT \"a\" AS \"Alias\" FROM \"s\" \"S1\" WHERE \"S1\".\"a\" > 1 EMIT CHANGES",
      })
  void statementsSurviveFormattingAndParsingAgain(String sql) {
    Statement parsed = parser.parseStatement(sql);
    String formatted = SqlFormatter.format(parsed);
    assertEquals(parsed, parser.parseStatement(formatted), formatted);
  }
}
