package dev.millrace.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Errors of stream-stream joins as a table: statement, then the exact message with its position.
 */
class StreamStreamJoinErrorsTest {
  private static final String SETUP =
      """
      CREATE STREAM L (ID BIGINT KEY, NAME STRING, V INT) WITH (kafka_topic='l', value_format='JSON');
      CREATE STREAM R (ID BIGINT KEY, LABEL STRING) WITH (kafka_topic='r', value_format='JSON');
      CREATE STREAM K (ID BIGINT KEY, N BIGINT) WITH (kafka_topic='k', value_format='KAFKA');
      CREATE STREAM W (ID BIGINT KEY, N BIGINT) WITH (kafka_topic='w', value_format='JSON', window_type='TUMBLING',
        window_size='1 SECOND');
      CREATE TABLE T (ID BIGINT PRIMARY KEY, LABEL STRING) WITH (kafka_topic='t', value_format='JSON');
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      SELECT * FROM L JOIN R ON L.ID = R.ID EMIT CHANGES;                          | line 1:17: Stream-stream joins must have a WITHIN clause specified. None was provided. Got L [INNER] JOIN R.
      SELECT * FROM L FULL JOIN R ON L.ID = R.ID EMIT CHANGES;                     | line 1:17: Stream-stream joins must have a WITHIN clause specified. None was provided. Got L [FULL] OUTER JOIN R.
      SELECT * FROM L JOIN T WITHIN 10 SECONDS ON L.ID = T.ID EMIT CHANGES;         | line 1:24: WITHIN is only valid for stream-stream joins, not for stream-table joins.
      SELECT * FROM L JOIN R WITHIN 10 SECONDS ON L.NAME = R.ID EMIT CHANGES;       | line 1:45: Invalid join condition: types don't match. Got L.NAME{STRING} = R.ID{BIGINT}.
      SELECT * FROM L A JOIN L B WITHIN 1 SECOND ON A.ID = B.ID EMIT CHANGES;       | line 1:24: Can not join 'L' to 'L': self joins are not yet supported.
      SELECT * FROM L JOIN K WITHIN 1 SECOND ON L.ID = K.ID EMIT CHANGES;           | line 1:17: Source(s) K are using the 'KAFKA' value format. This format does not yet support JOIN.
      SELECT * FROM L JOIN W WITHIN 1 SECOND ON L.ID = W.ID EMIT CHANGES;           | line 1:17: Can not join windowed source to non-windowed source.
      SELECT * FROM L JOIN R WITHIN 1 SECOND ON L.V = 1 EMIT CHANGES;               | line 1:43: Invalid comparison expression '1' in join '(L.V = 1)'. Each side of the join comparision must contain references from exactly one source.
      """)
  void rejectsQueries(String sql, String message) {
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
      CREATE STREAM O AS SELECT L.NAME, R.LABEL FROM L JOIN R WITHIN 1 SECOND ON L.ID = R.ID;            | line 1:27: The query used to build `O` must include the join expressions L.ID or R.ID in its projection (eg, SELECT L.ID...).
      CREATE STREAM O AS SELECT L.NAME FROM L FULL JOIN R WITHIN 1 SECOND ON L.ID = R.ID;                | line 1:27: The query used to build `O` must include the join expression ROWKEY in its projection (eg, SELECT ROWKEY...).
      CREATE STREAM O AS SELECT L.ID, L.ID AS K2, R.LABEL FROM L JOIN R WITHIN 1 SECOND ON L.ID = R.ID;  | line 1:33: The projection contains a key column (`L_ID`) more than once, aliased as: K2 and L_ID.
      """)
  void rejectsPersistentQueries(String sql, String message) {
    TestSession session = new TestSession();
    session.run(SETUP);
    PlanningException error = assertThrows(PlanningException.class, () -> session.plan(sql));
    assertEquals(message, error.getMessage());
  }
}
