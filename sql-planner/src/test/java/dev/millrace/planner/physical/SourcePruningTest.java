package dev.millrace.planner.physical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.plan.PlanStep;
import dev.millrace.planner.PlannedStatement;
import dev.millrace.planner.TestSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which stored value columns a query's stream sources skip decoding. */
class SourcePruningTest {
  private final TestSession session =
      new TestSession()
          .run(
              """
      CREATE STREAM PV (ID BIGINT KEY, USERID STRING, PAGEID STRING, VIEWTIME BIGINT,
          DURATION_MS INT, REFERRER STRING, USERAGENT STRING)
        WITH (kafka_topic='pv', value_format='JSON');
      CREATE STREAM TIMED (ID BIGINT KEY, TS BIGINT, NAME STRING, NOTE STRING)
        WITH (kafka_topic='timed', value_format='JSON', timestamp='TS');
      CREATE TABLE USERS (USERID STRING PRIMARY KEY, NAME STRING, BIO STRING)
        WITH (kafka_topic='users', value_format='JSON');
      CREATE STREAM OUT (ID BIGINT KEY, USERID STRING) WITH (kafka_topic='out', value_format='JSON');
      CREATE STREAM VIEWS (USERID STRING KEY, PAGEID STRING, VIEWTIME BIGINT, REFERRER STRING)
        WITH (kafka_topic='views', value_format='JSON');
      CREATE STREAM CLICKS (USERID STRING KEY, TARGET STRING, AGENT STRING)
        WITH (kafka_topic='clicks', value_format='JSON');
      """);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      CREATE STREAM F AS SELECT ID, USERID, PAGEID, VIEWTIME, DURATION_MS FROM PV WHERE DURATION_MS >= 1000; | REFERRER USERAGENT
      CREATE STREAM F AS SELECT ID, UCASE(REFERRER) AS R FROM PV;                | USERID PAGEID VIEWTIME DURATION_MS USERAGENT
      CREATE STREAM F AS SELECT ID, PAGEID FROM PV WHERE USERAGENT LIKE '%bot%'; | USERID VIEWTIME DURATION_MS REFERRER
      CREATE STREAM F AS SELECT ID, ROWTIME AS T FROM PV;                        | USERID PAGEID VIEWTIME DURATION_MS REFERRER USERAGENT
      CREATE STREAM F AS SELECT * FROM PV;                                       | ""
      CREATE STREAM F AS SELECT * FROM PV WHERE DURATION_MS > 0;                 | ""
      CREATE STREAM F AS SELECT * FROM PV PARTITION BY USERID;                   | ""
      INSERT INTO OUT SELECT ID, USERID FROM PV;                                 | PAGEID VIEWTIME DURATION_MS REFERRER USERAGENT
      INSERT INTO OUT SELECT * FROM OUT;                                         | ""
      CREATE STREAM F AS SELECT ID, NAME FROM TIMED;                             | NOTE
      CREATE TABLE C AS SELECT PAGEID, COUNT(*) AS N FROM PV GROUP BY PAGEID;    | USERID VIEWTIME DURATION_MS REFERRER USERAGENT
      CREATE STREAM J AS SELECT PV.ID, PV.USERID, NAME FROM PV JOIN USERS ON PV.USERID = USERS.USERID; | ""
      CREATE STREAM J AS SELECT VIEWS.USERID, PAGEID, NAME FROM VIEWS LEFT JOIN USERS ON VIEWS.USERID = USERS.USERID; | VIEWTIME REFERRER
      CREATE STREAM J AS SELECT VIEWS.USERID, PAGEID FROM VIEWS JOIN USERS ON VIEWS.USERID = USERS.USERID WHERE REFERRER <> BIO; | VIEWTIME
      CREATE STREAM J AS SELECT * FROM VIEWS JOIN USERS ON VIEWS.USERID = USERS.USERID; | ""
      """)
  void persistentQueries(String statement, String skipped) {
    PlannedStatement.PersistentQuery query =
        (PlannedStatement.PersistentQuery) session.plan(statement);

    assertEquals(names(skipped), streamSource(query.plan()).skippedColumns());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      SELECT USERID FROM PV WHERE DURATION_MS > 10 EMIT CHANGES;  | PAGEID VIEWTIME REFERRER USERAGENT
      SELECT * FROM PV EMIT CHANGES;                              | ""
      """)
  void pushQueries(String statement, String skipped) {
    PlannedStatement.PushQuery query = (PlannedStatement.PushQuery) session.plan(statement);

    assertEquals(names(skipped), streamSource(query.plan()).skippedColumns());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      CREATE STREAM J AS SELECT V.USERID, PAGEID, TARGET FROM VIEWS V JOIN CLICKS C WITHIN 1 MINUTE ON V.USERID = C.USERID; | VIEWTIME REFERRER | AGENT
      CREATE STREAM J AS SELECT V.USERID, PAGEID FROM VIEWS V LEFT JOIN CLICKS C WITHIN 1 MINUTE ON V.USERID = C.USERID WHERE AGENT IS NULL; | VIEWTIME REFERRER | TARGET
      CREATE STREAM J AS SELECT * FROM VIEWS V FULL OUTER JOIN CLICKS C WITHIN 1 MINUTE ON V.USERID = C.USERID; | "" | ""
      """)
  void streamStreamJoins(String statement, String leftSkipped, String rightSkipped) {
    PlannedStatement.PersistentQuery query =
        (PlannedStatement.PersistentQuery) session.plan(statement);

    List<PlanStep.StreamSource> sources = new ArrayList<>();
    collect(query.plan(), sources);
    assertEquals(
        List.of("views", "clicks"), sources.stream().map(PlanStep.StreamSource::topic).toList());
    assertEquals(names(leftSkipped), sources.get(0).skippedColumns());
    assertEquals(names(rightSkipped), sources.get(1).skippedColumns());
  }

  private static List<String> names(String spaced) {
    return spaced.isBlank() ? List.of() : List.of(spaced.trim().split(" +"));
  }

  /** The plan's only stream source. */
  private static PlanStep.StreamSource streamSource(PlanStep plan) {
    List<PlanStep.StreamSource> found = new ArrayList<>();
    collect(plan, found);
    assertEquals(1, found.size(), "stream sources in the plan");
    return found.get(0);
  }

  private static void collect(PlanStep step, List<PlanStep.StreamSource> found) {
    if (step instanceof PlanStep.StreamSource source) {
      found.add(source);
    }
    step.sources().forEach(source -> collect(source, found));
  }
}
