package dev.millrace.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The schemas of tables made by table-table joins: which column is the key and what it is named.
 */
class TableJoinSchemasTest {
  private static final String SETUP =
      """
      CREATE TABLE L (ID BIGINT PRIMARY KEY, NAME STRING, FK BIGINT) WITH (kafka_topic='l', value_format='JSON');
      CREATE TABLE R (ID BIGINT PRIMARY KEY, LABEL STRING) WITH (kafka_topic='r', value_format='JSON');
      CREATE TABLE K (ROWKEY BIGINT PRIMARY KEY, V STRING) WITH (kafka_topic='k', value_format='JSON');
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      SELECT L.ID, NAME, LABEL FROM L JOIN R ON L.ID = R.ID;       | `L_ID` BIGINT KEY, `NAME` STRING, `LABEL` STRING
      SELECT R.ID, NAME, LABEL FROM L RIGHT JOIN R ON L.ID = R.ID; | `R_ID` BIGINT KEY, `NAME` STRING, `LABEL` STRING
      SELECT * FROM L FULL OUTER JOIN R ON L.ID = R.ID;            | `ROWKEY` BIGINT KEY, `L_ID` BIGINT, `L_NAME` STRING, `L_FK` BIGINT, `R_ID` BIGINT, `R_LABEL` STRING
      SELECT ROWKEY_1 AS ID, V, LABEL FROM K FULL JOIN R ON K.ROWKEY = R.ID; | `ID` BIGINT KEY, `V` STRING, `LABEL` STRING
      SELECT L.ID, R.ID AS RID, LABEL FROM L LEFT JOIN R ON L.FK = R.ID; | `L_ID` BIGINT KEY, `RID` BIGINT, `LABEL` STRING
      """)
  void keysTheResultAsKsqlDbDoes(String query, String schema) {
    TestSession session = new TestSession().run(SETUP).run("CREATE TABLE OUT AS " + query);
    assertEquals(schema, session.catalog().source("OUT").orElseThrow().schema().toSql());
  }
}
