package dev.millrace.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.types.SqlType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InsertValuesPlannerTest {
  private final TestSession session =
      new TestSession()
          .run(
              """
      CREATE STREAM S (ID BIGINT KEY, NAME STRING, PRICE DECIMAL(5, 2), OK BOOLEAN)
        WITH (kafka_topic='s', value_format='JSON');
      CREATE TABLE T (ID INT PRIMARY KEY, V STRING) WITH (kafka_topic='t', value_format='JSON');
      """);

  private PlannedStatement.InsertRow insert(String sql) {
    return (PlannedStatement.InsertRow) session.plan(sql);
  }

  @Test
  void valuesAreTypedAsTheirColumns() {
    PlannedStatement.InsertRow row =
        insert("INSERT INTO S (ID, NAME, PRICE, OK) VALUES (1, 'a', 2, 'true');");

    assertEquals(List.of(new Expr.Literal(1L, SqlType.BIGINT)), row.key());
    assertEquals(
        List.of(
            new Expr.Literal("a", SqlType.STRING),
            new Expr.Literal(new BigDecimal("2.00"), new SqlType.Decimal(5, 2)),
            new Expr.Literal(true, SqlType.BOOLEAN)),
        row.value());
    assertEquals(Optional.empty(), row.timestamp());
  }

  @Test
  void missingColumnsAreNullAndRowtimeIsTheTimestamp() {
    PlannedStatement.InsertRow row =
        insert("INSERT INTO S (ROWTIME, NAME) VALUES (1000, UCASE('a'));");

    assertEquals(List.of(new Expr.Literal(null, SqlType.BIGINT)), row.key());
    assertEquals(
        new Expr.FunctionCall(
            "UCASE", List.of(new Expr.Literal("a", SqlType.STRING)), SqlType.STRING),
        row.value().get(0));
    assertEquals(Optional.of(new Expr.Literal(1000L, SqlType.BIGINT)), row.timestamp());
  }

  @Test
  void withoutColumnNamesValuesFillKeyThenValueColumns() {
    PlannedStatement.InsertRow row = insert("INSERT INTO T VALUES (7, 'seven');");

    assertEquals(List.of(new Expr.Literal(7, SqlType.INTEGER)), row.key());
    assertEquals(List.of(new Expr.Literal("seven", SqlType.STRING)), row.value());
    assertEquals("t", row.target().topic());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      INSERT INTO S (ID, NAME) VALUES ('x', 'a');     | line 1:34: invalid input syntax for type BIGINT: "x".
      INSERT INTO S (ID, NAME) VALUES (1, 2);         | line 1:37: Expected type STRING for column NAME but got INTEGER.
      INSERT INTO S (ID, NMAE) VALUES (1, 'a');       | line 1:37: Column name NMAE does not exist. Did you mean 'NAME'?
      INSERT INTO S (ID, NAME) VALUES (1);            | line 1:1: Expected a value for each column. Expected Columns: [ID, NAME]. Got 1 values.
      INSERT INTO S (ID, NAME) VALUES (1, NAME);      | line 1:37: INSERT VALUES only accepts constant values, not columns: NAME
      INSERT INTO T (V) VALUES ('a');                 | line 1:1: Failed to insert values into 'T'. Value for primary key column(s) ID is required for tables
      INSERT INTO X VALUES (1);                       | line 1:1: X does not exist.
      """)
  void rejectsBadValues(String sql, String message) {
    PlanningException error = assertThrows(PlanningException.class, () -> session.plan(sql));
    assertEquals(message, error.getMessage());
  }
}
