package dev.millrace.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.plan.HeaderColumn;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.planner.catalog.DataSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HEADERS and HEADER('key') columns: declared, read by queries, refused as write targets. */
class HeaderColumnsTest {
  private final TestSession session =
      new TestSession()
          .run(
              """
      CREATE STREAM S (ID BIGINT KEY, H ARRAY<STRUCT<KEY STRING, VALUE BYTES>> HEADERS, V INT)
        WITH (kafka_topic='s', value_format='JSON');
      CREATE STREAM T (ID BIGINT KEY, V INT, A BYTES HEADER('a'), B BYTES HEADER('b'))
        WITH (kafka_topic='t', value_format='JSON');
      """);

  @Test
  void headerColumnsFollowTheStoredColumnsAndAreNotStored() {
    DataSource s = session.catalog().source("S").orElseThrow();

    assertEquals(
        "`ID` BIGINT KEY, `V` INTEGER, `H` ARRAY<STRUCT<`KEY` STRING, `VALUE` BYTES>>",
        s.schema().toSql());
    assertEquals("`ID` BIGINT KEY, `V` INTEGER", s.storedSchema().toSql());
    assertEquals(List.of(new HeaderColumn("H", Optional.empty())), s.headers());
    assertEquals(
        List.of(new HeaderColumn("A", Optional.of("a")), new HeaderColumn("B", Optional.of("b"))),
        session.catalog().source("T").orElseThrow().headers());
  }

  @Test
  void aQueryReadsHeaderColumnsFromItsSourceStep() {
    PlannedStatement.PersistentQuery query =
        (PlannedStatement.PersistentQuery)
            session.plan("CREATE STREAM OUT AS SELECT ID, A, V FROM T;");
    PlanStep.StreamSource source = sourceOf(query.plan());

    assertEquals("`ID` BIGINT KEY, `V` INTEGER", source.sourceSchema().toSql());
    assertEquals(
        List.of(new HeaderColumn("A", Optional.of("a")), new HeaderColumn("B", Optional.of("b"))),
        source.headers());
    // The sink stores the header's value as an ordinary value column.
    assertEquals("`ID` BIGINT KEY, `A` BYTES, `V` INTEGER", query.sink().schema().toSql());
  }

  private static PlanStep.StreamSource sourceOf(PlanStep step) {
    return step instanceof PlanStep.StreamSource source ? source : sourceOf(step.sources().get(0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      CREATE STREAM X (H ARRAY<BYTES> HEADERS) WITH (kafka_topic='x', value_format='JSON'); | line 1:18: Columns specified with the HEADERS keyword must be typed as ARRAY<STRUCT<key STRING, value BYTES>>.
      CREATE STREAM X (H STRING HEADER('k')) WITH (kafka_topic='x', value_format='JSON'); | line 1:18: Columns specified with the HEADER('<key>') keyword must be typed as BYTES.
      CREATE STREAM X (H ARRAY<STRUCT<KEY STRING, VALUE BYTES>> HEADERS, G ARRAY<STRUCT<KEY STRING, VALUE BYTES>> HEADERS) WITH (kafka_topic='x', value_format='JSON'); | line 1:68: Schema already contains a HEADERS column.
      CREATE STREAM X (H ARRAY<STRUCT<KEY STRING, VALUE BYTES>> HEADERS, G BYTES HEADER('k')) WITH (kafka_topic='x', value_format='JSON'); | line 1:68: Schema already contains a HEADERS column.
      CREATE STREAM X (G BYTES HEADER('k'), F BYTES HEADER('k')) WITH (kafka_topic='x', value_format='JSON'); | line 1:39: Schema already contains a HEADER('k') column.
      INSERT INTO S (ID, V) VALUES (1, 2);                  | OK
      INSERT INTO S (ID, V, H) VALUES (1, 2, ARRAY[]);      | line 1:1: Cannot insert into HEADER columns: H
      INSERT INTO T VALUES (1, 2, NULL, NULL);              | line 1:1: Cannot insert into HEADER columns: A, B
      INSERT INTO T SELECT * FROM T;                        | line 1:1: Cannot insert into T because it has header columns: A, B
      """)
  void errors(String statement, String message) {
    if (message.equals("OK")) {
      session.plan(statement);
      return;
    }
    PlanningException e = assertThrows(PlanningException.class, () -> session.plan(statement));
    assertEquals(message, e.getMessage());
  }
}
