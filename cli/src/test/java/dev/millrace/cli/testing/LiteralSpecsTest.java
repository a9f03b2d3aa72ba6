package dev.millrace.cli.testing;

import static dev.millrace.cli.testing.FakeSession.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.parser.SqlParser;
import dev.millrace.parser.ast.CreateSource;
import dev.millrace.parser.ast.DataType;
import dev.millrace.parser.ast.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiteralSpecsTest {
  private static final SqlParser PARSER = new SqlParser();

  @ParameterizedTest(name = "{0} as {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '#',
      value = {
        "NULL                              | INT                      | null",
        "TRUE                              | BOOLEAN                  | true",
        "42                                | INT                      | 42",
        "-42                               | BIGINT                   | -42",
        "9000000000                        | BIGINT                   | 9000000000",
        "1.50                              | DECIMAL(4, 2)            | 1.50",
        "1.5e2                             | DOUBLE                   | 150.0",
        "-(3)                              | INT                      | -3",
        "'it''s'                           | STRING                   | \"it's\"",
        "'2024-01-31T10:15:30.250'         | TIMESTAMP                | 1706696130250",
        "'2024-01-31T10:15:30Z'            | TIMESTAMP                | 1706696130000",
        "'1970-01-11'                      | DATE                     | 10",
        "'00:01:00'                        | TIME                     | 60000",
        "ARRAY[1, NULL, 3]                 | ARRAY<INT>               | [1, null, 3]",
        "MAP('a' := 1, 'b' := 2)           | MAP<STRING, INT>         | {\"a\": 1, \"b\": 2}",
        "STRUCT(x := 1, `y` := 'z')        | STRUCT<X INT, `y` STRING> | {\"X\": 1, \"y\": \"z\"}",
        "ARRAY[STRUCT(d := '1970-01-02')]  | ARRAY<STRUCT<D DATE>>    | [{\"D\": 1}]",
        "CAST('1970-01-03' AS DATE)        | STRING                   | 2",
      })
  void constantsBecomeValueSpecs(String sql, String type, String spec) {
    assertEquals(
        json(spec).toString(), LiteralSpecs.of(PARSER.parseExpression(sql), type(type)).toString());
  }

  @Test
  void anythingButAConstantIsRejectedWithItsPosition() {
    TestInputException wrong =
        assertThrows(
            TestInputException.class,
            () -> LiteralSpecs.of(PARSER.parseExpression("1 + abs(x)"), null));
    assertEquals(
        "line 1:1: ASSERT VALUES takes constant values (literals, ARRAY, MAP, STRUCT, CAST), not ArithmeticBinary",
        wrong.getMessage());
  }

  @Test
  void aMalformedTimeSaysHowToWriteIt() {
    TestInputException wrong =
        assertThrows(
            TestInputException.class,
            () -> LiteralSpecs.of(PARSER.parseExpression("'yesterday'"), type("TIMESTAMP")));
    assertEquals(
        "line 1:1: 'yesterday' is not a TIMESTAMP (write it as 2024-01-31T10:15:30.000, 2024-01-31 or 10:15:30)",
        wrong.getMessage());
  }

  private static DataType type(String sql) {
    Statement create =
        PARSER.parseStatement(
            "CREATE STREAM s (c " + sql + ") WITH (kafka_topic='s', value_format='JSON')");
    return ((CreateSource) create).elements().get(0).type();
  }
}
