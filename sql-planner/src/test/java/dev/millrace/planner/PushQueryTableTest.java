package dev.millrace.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.plan.PlanStep;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whether a push query's plan delivers a table's changes or a stream's events, which decides the
 * kind of sink the server runs it through.
 */
class PushQueryTableTest {
  private static final String SETUP =
      """
      CREATE TABLE L (ID BIGINT PRIMARY KEY, NAME STRING, FK BIGINT) WITH (kafka_topic='l', value_format='JSON');
      CREATE TABLE R (ID BIGINT PRIMARY KEY, LABEL STRING) WITH (kafka_topic='r', value_format='JSON');
      CREATE STREAM S (ID BIGINT KEY, V STRING) WITH (kafka_topic='s', value_format='JSON');
      CREATE STREAM T (ID BIGINT KEY, W STRING) WITH (kafka_topic='t', value_format='JSON');
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      SELECT * FROM L EMIT CHANGES;                                                  | true
      SELECT ID, NAME FROM L WHERE FK > 0 EMIT CHANGES;                              | true
      SELECT L.ID, NAME, LABEL FROM L JOIN R ON L.ID = R.ID EMIT CHANGES;            | true
      SELECT * FROM L FULL OUTER JOIN R ON L.ID = R.ID EMIT CHANGES;                 | true
      SELECT L.ID, LABEL FROM L LEFT JOIN R ON L.FK = R.ID WHERE LABEL <> 'x' EMIT CHANGES; | true
      SELECT ID, COUNT(*) AS N FROM S GROUP BY ID EMIT CHANGES;                      | true
      SELECT NAME, COUNT(*) AS N FROM L GROUP BY NAME EMIT CHANGES;                  | true
      SELECT LABEL, COUNT(*) AS N FROM L JOIN R ON L.ID = R.ID GROUP BY LABEL EMIT CHANGES; | true
      SELECT * FROM S EMIT CHANGES;                                                  | false
      SELECT S.ID, V, NAME FROM S JOIN L ON S.ID = L.ID EMIT CHANGES;                | false
      SELECT S.ID, V, W FROM S JOIN T WITHIN 1 MINUTE ON S.ID = T.ID EMIT CHANGES;   | false
      """)
  void yieldsATableExactlyWhenItsSourceIsOne(String query, boolean table) {
    PlannedStatement planned = new TestSession().run(SETUP).plan(query);
    PlanStep plan = ((PlannedStatement.PushQuery) planned).plan();
    assertEquals(table, plan.yieldsTable());
  }
}
