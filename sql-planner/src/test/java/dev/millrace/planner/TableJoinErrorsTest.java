package dev.millrace.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Errors of table-table joins as a table: statement, then the exact message with its position. */
class TableJoinErrorsTest {
  private static final String SETUP =
      """
      CREATE TABLE L (ID BIGINT PRIMARY KEY, NAME STRING, FK BIGINT, CODE STRING)
        WITH (kafka_topic='l', value_format='JSON');
      CREATE TABLE R (ID BIGINT PRIMARY KEY, LABEL STRING) WITH (kafka_topic='r', value_format='JSON');
      CREATE TABLE M (ID BIGINT PRIMARY KEY, F2 BIGINT) WITH (kafka_topic='m', value_format='JSON');
      CREATE STREAM S (ID BIGINT KEY, V INT) WITH (kafka_topic='s', value_format='JSON');
      CREATE TABLE W AS SELECT ID, COUNT(*) AS N FROM S WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY ID;
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      SELECT * FROM L JOIN R ON L.NAME = R.LABEL EMIT CHANGES;  | line 1:27: Invalid join condition: table-table joins require to join on the primary key of the right input table. Got L.NAME = R.LABEL.
      SELECT * FROM L JOIN R ON R.LABEL = L.ID EMIT CHANGES;    | line 1:27: Invalid join condition: table-table joins require to join on the primary key of the right input table. Got R.LABEL = L.ID.
      SELECT * FROM L JOIN R ON L.CODE = R.ID EMIT CHANGES;     | line 1:27: Invalid join condition: types don't match. Got L.CODE{STRING} = R.ID{BIGINT}.
      SELECT * FROM L JOIN R WITHIN 10 SECONDS ON L.ID = R.ID EMIT CHANGES; | line 1:24: WITHIN is only valid for stream-stream joins, not for table-table joins.
      SELECT * FROM L JOIN W ON L.ID = W.ID EMIT CHANGES;       | line 1:17: Joins of windowed tables are not supported. Got W in L [INNER] JOIN W.
      SELECT * FROM L RIGHT JOIN R ON L.FK = R.ID EMIT CHANGES; | line 1:17: RIGHT OUTER JOIN on a foreign key is not supported.
      SELECT * FROM L FULL JOIN R ON L.FK = R.ID EMIT CHANGES;  | line 1:17: FULL OUTER JOIN on a foreign key is not supported.
      SELECT * FROM L JOIN M ON L.ID = M.ID JOIN R ON L.FK = R.ID EMIT CHANGES; | line 1:49: Invalid join condition: foreign-key table-table joins are not supported as part of n-way joins. Got L.FK = R.ID.
      """)
  void rejectsTableJoins(String sql, String message) {
    TestSession session = new TestSession();
    session.run(SETUP);
    PlanningException error = assertThrows(PlanningException.class, () -> session.plan(sql));
    assertEquals(message, error.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      CREATE TABLE O AS SELECT L.NAME, R.LABEL FROM L JOIN R ON L.FK = R.ID; | line 1:26: Key missing from projection (ie, SELECT). See https://cnfl.io/2LV7ouS.\\nThe query used to build `O` must include the key column ID in its projection (eg, SELECT ID...).
      CREATE TABLE O AS SELECT L.NAME, R.LABEL FROM L FULL JOIN R ON L.ID = R.ID; | line 1:26: Key missing from projection (ie, SELECT). See https://cnfl.io/2LV7ouS.\\nThe query used to build `O` must include the key column ROWKEY in its projection (eg, SELECT ROWKEY...).
      """)
  void rejectsTableJoinProjectionsWithoutTheKey(String sql, String message) {
    TestSession session = new TestSession();
    session.run(SETUP);
    PlanningException error = assertThrows(PlanningException.class, () -> session.plan(sql));
    assertEquals(message.replace("\\n", "\n"), error.getMessage());
  }
}
