package dev.millrace.engine.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Schema strings as user functions write them, and the types they name. */
class SqlTypeParserTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      int                                       | INTEGER
      VARCHAR                                   | STRING
      bigint                                    | BIGINT
      Timestamp                                 | TIMESTAMP
      decimal( 4 ,2 )                           | DECIMAL(4, 2)
      ARRAY<MAP<STRING, BYTES>>                 | ARRAY<MAP<STRING, BYTES>>
      STRUCT<a INT, `b c` ARRAY<DOUBLE>>        | STRUCT<`A` INTEGER, `b c` ARRAY<DOUBLE>>
      STRUCT<>                                  | STRUCT<>
      """)
  void readsTheType(String text, String type) {
    assertEquals(type, SqlTypeParser.parse(text).toSql());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      FLOAT              | Invalid type 'FLOAT' at character 6: unknown type 'FLOAT'
      STRUCT<A>          | Invalid type 'STRUCT<A>' at character 9: expected a name
      DECIMAL(2, 3)      | Invalid type 'DECIMAL(2, 3)' at character 14: invalid DECIMAL(2, 3)
      INT INT            | Invalid type 'INT INT' at character 5: unexpected 'INT'
      ARRAY<INT          | Invalid type 'ARRAY<INT' at character 10: expected '>'
      """)
  void saysWhereTheTextStopsMakingSense(String text, String message) {
    assertEquals(
        message,
        assertThrows(IllegalArgumentException.class, () -> SqlTypeParser.parse(text)).getMessage());
  }
}
