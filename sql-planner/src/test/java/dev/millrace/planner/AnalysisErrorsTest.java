package dev.millrace.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Errors of queries as a table: statement, then the exact message with its position. */
class AnalysisErrorsTest {
  private static final String SETUP =
      """
      CREATE STREAM S (ID BIGINT KEY, NAME STRING, AGE INT, ADDRESS STRUCT<STREET STRING, TOWN STRING>,
        TAGS ARRAY<STRING>, PRICE DECIMAL(4, 2)) WITH (kafka_topic='s', value_format='JSON');
      CREATE TABLE T (ID BIGINT PRIMARY KEY, LABEL STRING) WITH (kafka_topic='t', value_format='JSON');
      CREATE STREAM S2 (K STRING KEY, F0 INT) WITH (kafka_topic='s2', value_format='JSON');
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      SELECT NMAE FROM S EMIT CHANGES;                       | line 1:8: Column 'NMAE' cannot be resolved. Did you mean 'NAME'?
      SELECT ID FROM SS EMIT CHANGES;                        | line 1:16: SS does not exist. Did you mean 'S'?
      SELECT X.ID FROM S EMIT CHANGES;                       | line 1:8: 'X' is not a valid stream/table name or alias.
      SELECT * FROM S WHERE NAME + 1 > 2 EMIT CHANGES;       | line 1:23: Unsupported arithmetic types: STRING + INTEGER in (NAME + 1)
      SELECT * FROM S WHERE AGE EMIT CHANGES;                | line 1:23: WHERE expression must be of type BOOLEAN: AGE is INTEGER
      SELECT * FROM S WHERE TAGS < TAGS EMIT CHANGES;        | line 1:23: Cannot compare TAGS (ARRAY<STRING>) to TAGS (ARRAY<STRING>) with LESS_THAN.
      SELECT * FROM S WHERE NAME = 1 EMIT CHANGES;           | line 1:23: Cannot compare NAME (STRING) to 1 (INTEGER) with EQUAL.
      SELECT * FROM S WHERE AGE = 'ten' EMIT CHANGES;        | line 1:29: invalid input syntax for type INTEGER: "ten".
      SELECT ADDRESS->ZIP FROM S EMIT CHANGES;               | line 1:8: Could not find field 'ZIP' in 'ADDRESS'.
      SELECT UCASE(AGE) FROM S EMIT CHANGES;                 | line 1:8: No overload of UCASE accepts (INTEGER); accepted: UCASE(STRING) => STRING
      SELECT CAST(NAME AS ARRAY<INT>) FROM S EMIT CHANGES;   | line 1:8: Cast of STRING to ARRAY<INTEGER> is not supported
      SELECT NAME, COUNT(*) FROM S GROUP BY AGE EMIT CHANGES; | line 1:8: Non-aggregate SELECT expression(s) not part of GROUP BY: NAME
      SELECT AGE FROM S GROUP BY AGE EMIT CHANGES;           | line 1:28: GROUP BY requires aggregate functions in either the SELECT or HAVING clause.
      SELECT COUNT(*) FROM S GROUP BY SUM(AGE) EMIT CHANGES;  | line 1:33: GROUP BY does not support aggregate functions: SUM is an aggregate function.
      SELECT AGE, SUM(COUNT(*)) FROM S GROUP BY AGE EMIT CHANGES; | line 1:17: Aggregate functions can not be nested: SUM(COUNT())
      SELECT AGE, COUNT(*) FROM S GROUP BY AGE, AGE EMIT CHANGES; | line 1:43: Duplicate GROUP BY expression: AGE
      SELECT LABEL, MAX(ID) FROM T GROUP BY LABEL EMIT CHANGES; | line 1:15: The aggregation function MAX cannot be applied to a table source, only to a stream source.
      SELECT LABEL, COUNT(*), LATEST_BY_OFFSET(ID), MIN(ID), MAX(ID), MIN(ID) FROM T GROUP BY LABEL EMIT CHANGES; | line 1:25: The aggregation functions LATEST_BY_OFFSET, MIN and MAX cannot be applied to a table source, only to a stream source.
      SELECT LABEL, COLLECT_LIST(ID), COLLECT_SET(ID), TOPK(ID, 2) FROM T GROUP BY LABEL EMIT CHANGES; | line 1:33: The aggregation functions COLLECT_SET and TOPK cannot be applied to a table source, only to a stream source.
      SELECT NAME, LATEST_BY_OFFSET(AGE, ID) FROM S GROUP BY NAME EMIT CHANGES; | line 1:36: Parameter 2 passed to function LATEST_BY_OFFSET must be a literal constant, but was expression: 'ID'
      SELECT NAME, TOPK(AGE, 2, ID) FROM S GROUP BY NAME EMIT CHANGES; | line 1:27: Parameter 3 passed to function TOPK must be a literal constant, but was expression: 'ID'
      SELECT NAME, TOPK(AGE, 'two') FROM S GROUP BY NAME EMIT CHANGES; | line 1:14: No overload of TOPK accepts (INTEGER, STRING); accepted: TOPK(T, INTEGER) => ARRAY<T>, TOPK(T, U1, INTEGER) => ARRAY<STRUCT>, TOPK(T, U1, U2, INTEGER) => ARRAY<STRUCT>, TOPK(T, U1, U2, U3, INTEGER) => ARRAY<STRUCT>
      SELECT LABEL, COUNT(*) FROM T WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY LABEL EMIT CHANGES; | line 1:38: Windowing not supported for table aggregations.
      SELECT * FROM S WINDOW TUMBLING (SIZE 1 SECOND) EMIT CHANGES; | line 1:24: WINDOW clause requires a GROUP BY clause.
      SELECT * FROM S EMIT FINAL;                            | line 1:1: EMIT FINAL is only supported for windowed aggregations.
      SELECT AGE, COUNT(*) FROM S GROUP BY AGE EMIT FINAL;   | line 1:1: EMIT FINAL is only supported for windowed aggregations.
      SELECT ID, EXPLODE(TAGS) FROM T EMIT CHANGES;          | line 1:12: Table source is not supported with table functions
      SELECT AGE, EXPLODE(TAGS), COUNT(*) FROM S GROUP BY AGE EMIT CHANGES; | line 1:13: Table functions cannot be used with aggregations.
      SELECT * FROM S WHERE EXPLODE(TAGS) = 'a' EMIT CHANGES; | line 1:23: EXPLODE is a table function, not a scalar function
      SELECT EXPLODE(NAME) FROM S EMIT CHANGES;               | line 1:8: No overload of EXPLODE accepts (STRING); accepted: EXPLODE(ARRAY<T>) => T
      SELECT WINDOWSTART FROM S EMIT CHANGES;                | line 1:8: Window bounds column WINDOWSTART can only be used in the SELECT clause of windowed aggregations
      SELECT F0 FROM S2 A JOIN S2 B ON A.K = B.K EMIT CHANGES; | line 1:21: Stream-stream joins must have a WITHIN clause specified. None was provided. Got S2 [INNER] JOIN S2.
      SELECT * FROM T JOIN S ON T.ID = S.ID EMIT CHANGES;    | line 1:17: Invalid join order: table-stream joins are not supported; only stream-table joins. Got T [INNER] JOIN S.
      SELECT * FROM S JOIN T ON S.NAME = T.LABEL EMIT CHANGES; | line 1:27: Invalid join condition: stream-table joins require to join on the table's primary key. Got S.NAME = T.LABEL.
      SELECT * FROM S JOIN T ON S.NAME = T.ID EMIT CHANGES;  | line 1:27: Invalid join condition: types don't match. Got S.NAME{STRING} = T.ID{BIGINT}.
      SELECT * FROM S JOIN T ON T.ID = 0 EMIT CHANGES;       | line 1:27: Invalid comparison expression '0' in join '(T.ID = 0)'. Each side of the join comparision must contain references from exactly one source.
      SELECT * FROM S FULL JOIN T ON S.ID = T.ID EMIT CHANGES; | line 1:17: Invalid join type: full-outer join not supported for stream-table join. Got S [FULL] OUTER JOIN T.
      SELECT ID FROM S JOIN T ON S.ID = T.ID EMIT CHANGES;   | line 1:8: Column 'ID' is ambiguous. Could be S.ID or T.ID.
      SELECT CASE WHEN AGE > 1 THEN NULL END FROM S EMIT CHANGES; | line 1:8: Invalid Case expression. All case branches have NULL type
      SELECT MAP() FROM S EMIT CHANGES;                      | line 1:8: Map constructor cannot be empty. Please supply at least one key value pair (see https://github.com/confluentinc/ksql/issues/4239).
      SELECT * FROM S PARTITION BY NAME HAVING AGE > 1 EMIT CHANGES; | line 1:42: HAVING clause requires a GROUP BY clause.
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
      CREATE STREAM O AS SELECT NAME, COUNT(*) AS C FROM S GROUP BY NAME; | line 1:1: Invalid result type. Your SELECT query produces a TABLE. Please use CREATE TABLE AS SELECT statement instead.
      CREATE TABLE O AS SELECT COUNT(*) AS C FROM S GROUP BY NAME;       | line 1:26: The query used to build `O` must include the grouping expression NAME in its projection (eg, SELECT NAME...).
      CREATE TABLE O AS SELECT NAME, NAME AS N2, COUNT(*) AS C FROM S GROUP BY NAME; | line 1:32: The projection contains a key column more than once: `NAME` and `N2`.
      CREATE STREAM O AS SELECT NAME, ID FROM S PARTITION BY ABS(AGE);   | line 1:27: The query used to build `O` must include the partitioning expression ABS(AGE) in its projection (eg, SELECT ABS(AGE)...).
      CREATE STREAM O AS SELECT S.NAME, T.LABEL FROM S JOIN T ON S.ID = T.ID; | line 1:27: The query used to build `O` must include the join expressions S.ID or T.ID in its projection (eg, SELECT S.ID...).
      CREATE STREAM O AS SELECT ID, ROWTIME FROM S;                      | line 1:31: Reserved column name in select: `ROWTIME`. Please remove or alias the column.
      CREATE STREAM O AS SELECT ID, NAME AS ROWPARTITION FROM S;         | line 1:31: `ROWPARTITION` is a reserved column name. You cannot use it as an alias for a column.
      CREATE TABLE O AS SELECT ID FROM T;                                | line 1:26: The projection contains no value columns.
      CREATE TABLE O AS SELECT LABEL FROM T;                             | line 1:26: Key missing from projection (ie, SELECT). See https://cnfl.io/2LV7ouS.\\nThe query used to build `O` must include the key column ID in its projection (eg, SELECT ID...).
      CREATE STREAM O AS SELECT * FROM S LIMIT 5;                        | line 1:20: LIMIT is not supported in persistent queries.
      INSERT INTO T SELECT * FROM T;                                     | line 1:1: INSERT INTO can only be used to insert into a stream. T is a table.
      INSERT INTO S SELECT ID, NAME FROM S;                              | line 1:1: Incompatible schema between results and sink.\\nResult schema is `ID` BIGINT KEY, `NAME` STRING\\nSink schema is `ID` BIGINT KEY, `NAME` STRING, `AGE` INTEGER, `ADDRESS` STRUCT<`STREET` STRING, `TOWN` STRING>, `TAGS` ARRAY<STRING>, `PRICE` DECIMAL(4, 2)
      CREATE STREAM S AS SELECT * FROM S2;                               | line 1:1: Cannot add stream 'S': A stream with the same name already exists
      """)
  void rejectsPersistentQueries(String sql, String message) {
    TestSession session = new TestSession();
    session.run(SETUP);
    PlanningException error = assertThrows(PlanningException.class, () -> session.plan(sql));
    assertEquals(message.replace("\\n", "\n"), error.getMessage());
  }
}
