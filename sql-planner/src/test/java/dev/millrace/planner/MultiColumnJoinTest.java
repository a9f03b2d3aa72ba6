package dev.millrace.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Joins on a conjunction of equalities ({@code ON a.x = b.x AND a.y = b.y}), beyond ksqlDB: the
 * result's key columns, one per equality named as a single-column join names its key, and the
 * errors, each with its position.
 */
class MultiColumnJoinTest {
  private static final String SETUP =
      """
      CREATE STREAM L (ID BIGINT KEY, X INT, Y STRING, V INT) WITH (kafka_topic='l', value_format='JSON');
      CREATE STREAM R (ID BIGINT KEY, X INT, Y STRING, W INT) WITH (kafka_topic='r', value_format='JSON');
      CREATE STREAM M (X INT KEY, Y STRING KEY, V INT) WITH (kafka_topic='m', format='JSON');
      CREATE STREAM N (X INT KEY, Y STRING KEY, W INT) WITH (kafka_topic='n', format='JSON');
      CREATE STREAM P (A INT KEY, B STRING KEY, W INT) WITH (kafka_topic='p', format='JSON');
      CREATE TABLE T (X INT PRIMARY KEY, LABEL STRING) WITH (kafka_topic='t', value_format='JSON');
      CREATE TABLE U (X INT PRIMARY KEY, Y STRING) WITH (kafka_topic='u', value_format='JSON');
      CREATE TABLE TT (X INT PRIMARY KEY, Y STRING PRIMARY KEY, LABEL STRING) WITH (kafka_topic='tt', format='JSON');
      CREATE TABLE TU (X INT PRIMARY KEY, Y STRING PRIMARY KEY, NOTE STRING) WITH (kafka_topic='tu', format='JSON');
      CREATE TABLE TV (A INT PRIMARY KEY, B STRING PRIMARY KEY, NOTE STRING) WITH (kafka_topic='tv', format='JSON');
      CREATE TABLE TD (X INT PRIMARY KEY, Y STRING PRIMARY KEY, NOTE STRING) WITH (kafka_topic='td', key_format='DELIMITED', value_format='JSON');
      CREATE TABLE TW (Y STRING PRIMARY KEY, X INT PRIMARY KEY, NOTE STRING) WITH (kafka_topic='tw', format='JSON');
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      SELECT L.X, L.Y, V, W FROM L JOIN R WITHIN 1 SECOND ON L.X = R.X AND L.Y = R.Y;         | `L_X` INTEGER KEY, `L_Y` STRING KEY, `V` INTEGER, `W` INTEGER
      SELECT R.Y, L.X, V, W FROM L LEFT JOIN R WITHIN 1 SECOND ON L.X = R.X AND R.Y = L.Y;    | `L_X` INTEGER KEY, `R_Y` STRING KEY, `V` INTEGER, `W` INTEGER
      SELECT ROWKEY, ROWKEY_1, V, W FROM L FULL JOIN R WITHIN 1 SECOND ON L.X = R.X AND L.Y = R.Y; | `ROWKEY` INTEGER KEY, `ROWKEY_1` STRING KEY, `V` INTEGER, `W` INTEGER
      SELECT * FROM M JOIN N WITHIN 1 SECOND ON M.X = N.X AND M.Y = N.Y;                      | `M_X` INTEGER KEY, `M_Y` STRING KEY, `M_V` INTEGER, `N_X` INTEGER, `N_Y` STRING, `N_W` INTEGER
      SELECT L.X, L.Y, V, LABEL FROM L JOIN TT ON L.Y = TT.Y AND L.X = TT.X;                  | `L_X` INTEGER KEY, `L_Y` STRING KEY, `V` INTEGER, `LABEL` STRING
      SELECT TT.Y, L.X, V, LABEL FROM L LEFT JOIN TT ON L.X = TT.X AND L.Y = TT.Y;            | `L_X` INTEGER KEY, `TT_Y` STRING KEY, `V` INTEGER, `LABEL` STRING
      SELECT * FROM M JOIN TT ON M.X = TT.X AND M.Y = TT.Y;                                   | `M_X` INTEGER KEY, `M_Y` STRING KEY, `M_V` INTEGER, `TT_X` INTEGER, `TT_Y` STRING, `TT_LABEL` STRING
      """)
  void keysTheResultByOneColumnPerEquality(String query, String schema) {
    TestSession session =
        new TestSession().run(SETUP).run("CREATE STREAM OUT WITH (key_format='JSON') AS " + query);
    assertEquals(schema, session.catalog().source("OUT").orElseThrow().schema().toSql());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      SELECT TT.X, TT.Y, LABEL, NOTE FROM TT JOIN TU ON TT.X = TU.X AND TT.Y = TU.Y;          | `TT_X` INTEGER KEY, `TT_Y` STRING KEY, `LABEL` STRING, `NOTE` STRING
      SELECT TU.Y, TT.X, LABEL, NOTE FROM TT LEFT JOIN TU ON TU.Y = TT.Y AND TT.X = TU.X;     | `TT_X` INTEGER KEY, `TU_Y` STRING KEY, `LABEL` STRING, `NOTE` STRING
      SELECT TV.A, TV.B, LABEL, NOTE FROM TT RIGHT JOIN TV ON TT.X = TV.A AND TT.Y = TV.B;    | `A` INTEGER KEY, `B` STRING KEY, `LABEL` STRING, `NOTE` STRING
      SELECT ROWKEY, ROWKEY_1, LABEL, NOTE FROM TT FULL JOIN TD ON TT.X = TD.X AND TT.Y = TD.Y; | `ROWKEY` INTEGER KEY, `ROWKEY_1` STRING KEY, `LABEL` STRING, `NOTE` STRING
      """)
  void keysATableTableJoinByOneColumnPerEquality(String query, String schema) {
    TestSession session =
        new TestSession().run(SETUP).run("CREATE TABLE OUT WITH (key_format='JSON') AS " + query);
    assertEquals(schema, session.catalog().source("OUT").orElseThrow().schema().toSql());
  }

  /**
   * A key of several columns in a format with field names is partitioned by its names too, so only
   * sides whose topics hold the same key layout, keyed by the join key, are read without a
   * repartition; otherwise both sides cross the engine's own positional key format.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      M JOIN N WITHIN 1 SECOND ON M.X = N.X AND M.Y = N.Y | ''
      M JOIN P WITHIN 1 SECOND ON M.X = P.A AND M.Y = P.B | 0-Join-left-repartition 1-Join-right-repartition
      M JOIN N WITHIN 1 SECOND ON M.Y = N.Y AND M.X = N.X | 0-Join-left-repartition 1-Join-right-repartition
      L JOIN N WITHIN 1 SECOND ON L.X = N.X AND L.Y = N.Y | 0-Join-left-repartition 1-Join-right-repartition
      M JOIN TT ON M.X = TT.X AND M.Y = TT.Y              | ''
      M JOIN TT ON M.Y = TT.Y AND M.X = TT.X              | ''
      P JOIN TT ON P.A = TT.X AND P.B = TT.Y              | 1-Join-repartition
      L JOIN TT ON L.X = TT.X AND L.Y = TT.Y              | 1-Join-repartition
      TT JOIN TU ON TT.X = TU.X AND TT.Y = TU.Y           | ''
      TT JOIN TU ON TT.Y = TU.Y AND TT.X = TU.X           | ''
      TT JOIN TV ON TT.X = TV.A AND TT.Y = TV.B           | 2-RightSourceKeyed-repartition
      TT JOIN TD ON TT.X = TD.X AND TT.Y = TD.Y           | 2-RightSourceKeyed-repartition
      """)
  void repartitionsUnlessBothSidesHoldTheKeyLayout(String join, String topics) {
    TestSession session = new TestSession().run(SETUP);
    String text =
        ((PlannedStatement.Explained)
                session.plan("EXPLAIN SELECT * FROM " + join + " EMIT CHANGES;"))
            .text();
    List<String> found = new ArrayList<>();
    Matcher repartition = Pattern.compile("repartition=(\\S+)").matcher(text);
    while (repartition.find()) {
      found.add(repartition.group(1));
    }
    assertEquals(topics, String.join(" ", found));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      CREATE STREAM O AS SELECT L.X, L.Y, V FROM L JOIN R WITHIN 1 SECOND ON L.X = R.X AND L.Y = R.Y;  | line 1:1: The 'KAFKA' format only supports a single field. Got: [`L_X` INTEGER, `L_Y` STRING]
      CREATE STREAM O WITH (key_format='JSON') AS SELECT L.X, V FROM L JOIN R WITHIN 1 SECOND ON L.X = R.X AND L.Y = R.Y; | line 1:52: The query used to build `O` must include the join expressions L.Y or R.Y in its projection (eg, SELECT L.Y...).
      SELECT * FROM L JOIN R WITHIN 1 SECOND ON L.X = R.X AND L.Y = R.W EMIT CHANGES;      | line 1:57: Invalid join condition: types don't match. Got L.Y{STRING} = R.W{INTEGER}.
      SELECT * FROM L JOIN R WITHIN 1 SECOND ON L.X = R.X AND L.X = R.X EMIT CHANGES;      | line 1:57: Invalid join condition: (L.X = R.X) appears more than once in ((L.X = R.X) AND (L.X = R.X)).
      SELECT * FROM L JOIN R WITHIN 1 SECOND ON L.X = R.X OR L.Y = R.Y EMIT CHANGES;       | line 1:43: Unsupported join criteria ((L.X = R.X) OR (L.Y = R.Y)): joins need equality comparisons (left = right), joined by AND.
      SELECT * FROM L JOIN R WITHIN 1 SECOND ON L.X = R.X AND L.V > R.W EMIT CHANGES;      | line 1:57: Unsupported join criteria ((L.X = R.X) AND (L.V > R.W)): joins need equality comparisons (left = right), joined by AND.
      SELECT * FROM L JOIN R WITHIN 1 SECOND ON L.X = R.X AND L.V = 1 EMIT CHANGES;        | line 1:57: Invalid comparison expression '1' in join '(L.V = 1)'. Each side of the join comparision must contain references from exactly one source.
      SELECT * FROM L JOIN U ON L.X = U.X AND L.Y = U.Y EMIT CHANGES;                       | line 1:27: Invalid join condition: stream-table joins require to join on the table's primary key. Got L.X = U.X AND L.Y = U.Y.
      SELECT * FROM L JOIN TT ON L.X = TT.X EMIT CHANGES;                                   | line 1:28: Invalid join condition: stream-table joins require to join on the table's primary key, every column of it. Got L.X = TT.X.
      SELECT * FROM L JOIN TT ON L.X = TT.X AND L.V = TT.X EMIT CHANGES;                    | line 1:28: Invalid join condition: stream-table joins require to join on the table's primary key, every column of it. Got L.X = TT.X AND L.V = TT.X.
      SELECT * FROM L JOIN TT ON L.X = TT.X AND L.Y = TT.LABEL EMIT CHANGES;                | line 1:28: Invalid join condition: stream-table joins require to join on the table's primary key, every column of it. Got L.X = TT.X AND L.Y = TT.LABEL.
      SELECT * FROM L JOIN TT ON L.X = TT.X AND L.V = TT.Y EMIT CHANGES;                    | line 1:43: Invalid join condition: types don't match. Got L.V{INTEGER} = TT.Y{STRING}.
      SELECT * FROM T JOIN U ON T.X = U.X AND T.LABEL = U.Y EMIT CHANGES;                   | line 1:27: Invalid join condition: table-table joins require to join on the primary key of the right input table. Got T.X = U.X AND T.LABEL = U.Y.
      SELECT * FROM TT JOIN TU ON TT.X = TU.X EMIT CHANGES;                                 | line 1:29: Invalid join condition: table-table joins require to join on the primary key of the right input table, every column of it. Got TT.X = TU.X.
      SELECT * FROM TT JOIN TU ON TT.X = TU.X AND TT.Y = TU.X EMIT CHANGES;                 | line 1:29: Invalid join condition: table-table joins require to join on the primary key of the right input table, every column of it. Got TT.X = TU.X AND TT.Y = TU.X.
      SELECT * FROM TT JOIN TU ON TT.X = TU.X AND TT.X = TU.Y EMIT CHANGES;                 | line 1:45: Invalid join condition: types don't match. Got TT.X{INTEGER} = TU.Y{STRING}.
      SELECT * FROM TT JOIN TW ON TT.X = TW.X AND TT.Y = TW.Y EMIT CHANGES;                 | line 1:29: Unsupported join criteria ((TT.X = TW.X) AND (TT.Y = TW.Y)): a join of two tables on several columns compares each key column of the left table with the key column of the right table in the same position (a foreign-key join compares one expression).
      SELECT * FROM TT JOIN TU ON TT.X = TU.X AND TT.LABEL = TU.Y EMIT CHANGES;             | line 1:29: Unsupported join criteria ((TT.X = TU.X) AND (TT.LABEL = TU.Y)): a join of two tables on several columns compares each key column of the left table with the key column of the right table in the same position (a foreign-key join compares one expression).
      """)
  void rejects(String sql, String message) {
    TestSession session = new TestSession().run(SETUP);
    PlanningException error = assertThrows(PlanningException.class, () -> session.plan(sql));
    assertEquals(message, error.getMessage());
  }
}
