package dev.millrace.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.registry.InMemorySchemaRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Joins of windowed sources, as ksqlDB has them: each side on its own key and windowed alike,
 * except that a join with a schema-registry key format repartitions both streams into the left
 * side's window; and the errors, each with its position.
 */
class WindowedJoinTest {
  private static final String SETUP =
      """
      CREATE STREAM HOP (ID INT KEY, V INT) WITH (kafka_topic='hop', value_format='JSON', window_type='HOPPING', window_size='5 SECONDS');
      CREATE STREAM HOP2 (ID INT KEY, V INT) WITH (kafka_topic='hop2', value_format='JSON', window_type='HOPPING', window_size='5 SECONDS');
      CREATE STREAM TUM (ID INT KEY, V INT) WITH (kafka_topic='tum', value_format='JSON', window_type='TUMBLING', window_size='2 SECONDS');
      CREATE STREAM TUM5 (ID INT KEY, V INT) WITH (kafka_topic='tum5', value_format='JSON', window_type='TUMBLING', window_size='5 SECONDS');
      CREATE STREAM SES (ID INT KEY, V INT) WITH (kafka_topic='ses', value_format='JSON', window_type='SESSION');
      CREATE STREAM SES2 (ID INT KEY, V INT) WITH (kafka_topic='ses2', value_format='JSON', window_type='SESSION');
      CREATE STREAM SESD (ID INT KEY, V INT) WITH (kafka_topic='sesd', key_format='DELIMITED', value_format='JSON', window_type='SESSION');
      CREATE STREAM SRHOP (ID INT KEY, V INT) WITH (kafka_topic='srhop', key_format='JSON_SR', value_format='JSON', window_type='HOPPING', window_size='5 SECONDS');
      CREATE STREAM SRTUM (ID INT KEY, V INT) WITH (kafka_topic='srtum', key_format='JSON_SR', value_format='JSON', window_type='TUMBLING', window_size='2 SECONDS');
      CREATE STREAM SRSES (ID INT KEY, V INT) WITH (kafka_topic='srses', key_format='AVRO', value_format='JSON', window_type='SESSION');
      CREATE TABLE TTUM (ID INT PRIMARY KEY, W INT) WITH (kafka_topic='ttum', value_format='JSON', window_type='TUMBLING', window_size='2 SECONDS');
      CREATE TABLE TTUM5 (ID INT PRIMARY KEY, W INT) WITH (kafka_topic='ttum5', value_format='JSON', window_type='TUMBLING', window_size='5 SECONDS');
      CREATE TABLE SRTTUM (ID INT PRIMARY KEY, W INT) WITH (kafka_topic='srttum', key_format='JSON_SR', value_format='JSON', window_type='TUMBLING', window_size='2 SECONDS');
      """;

  private final TestSession session = new TestSession(new InMemorySchemaRegistry()).run(SETUP);

  /** The repartitions of a join, as {@code topic:window} ("-" for rows that lose their window). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      SRHOP JOIN SRTUM WITHIN 1 MINUTE ON SRHOP.ID = SRTUM.ID | 0-Join-left-repartition:HOPPING/5000 1-Join-right-repartition:HOPPING/5000
      SRTUM JOIN SRHOP WITHIN 1 MINUTE ON SRTUM.ID = SRHOP.ID | 0-Join-left-repartition:TUMBLING/2000 1-Join-right-repartition:TUMBLING/2000
      SRSES JOIN SRHOP WITHIN 1 MINUTE ON SRSES.ID = SRHOP.ID | 0-Join-left-repartition:SESSION/0 1-Join-right-repartition:SESSION/0
      SRHOP JOIN HOP WITHIN 1 MINUTE ON SRHOP.ID = HOP.ID     | 0-Join-left-repartition:HOPPING/5000 1-Join-right-repartition:HOPPING/5000
      HOP JOIN HOP2 WITHIN 1 MINUTE ON HOP.ID = HOP2.ID       | ""
      SES JOIN SES2 WITHIN 1 MINUTE ON SES.ID = SES2.ID       | ""
      """)
  void aRegistryKeyFormatRepartitionsBothStreamsIntoTheLeftWindow(String join, String expected) {
    PlanStep plan = query("CREATE STREAM O AS SELECT * FROM " + join + ";");
    List<String> found =
        selectKeys(plan).stream()
            .map(
                k ->
                    k.repartitionTopic()
                        + ":"
                        + k.window().map(w -> w.type() + "/" + w.sizeMs()).orElse("-"))
            .sorted()
            .toList();
    assertEquals(expected, String.join(" ", found));
  }

  @Test
  void theResultKeepsTheLeftWindowAndEachSidesWindowBounds() {
    session.run(
        "CREATE STREAM O AS SELECT *, SRHOP.ROWTIME, SRTUM.ROWTIME FROM SRHOP JOIN SRTUM"
            + " WITHIN 1 MINUTE ON SRHOP.ID = SRTUM.ID;");
    var sink = session.catalog().source("O").orElseThrow();
    assertEquals(
        "`SRHOP_ID` INTEGER KEY, `SRHOP_WINDOWSTART` BIGINT, `SRHOP_WINDOWEND` BIGINT,"
            + " `SRHOP_V` INTEGER, `SRTUM_ID` INTEGER, `SRTUM_WINDOWSTART` BIGINT,"
            + " `SRTUM_WINDOWEND` BIGINT, `SRTUM_V` INTEGER, `SRHOP_ROWTIME` BIGINT,"
            + " `SRTUM_ROWTIME` BIGINT",
        sink.schema().toSql());
    assertEquals(
        "HOPPING/5000",
        sink.formats().keyWindow().map(w -> w.type() + "/" + w.sizeMs()).orElseThrow());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      SELECT * FROM HOP JOIN TUM WITHIN 1 MINUTE ON HOP.ID = TUM.ID EMIT CHANGES;       | line 1:19: Implicit repartitioning of windowed sources is not supported. Both sides of the join must have the same window type and size and the same key format, unless the left side's key format is AVRO, JSON_SR or PROTOBUF (both sides are then repartitioned into the left side's window).
      SELECT * FROM HOP JOIN TUM5 WITHIN 1 MINUTE ON HOP.ID = TUM5.ID EMIT CHANGES;     | line 1:19: Implicit repartitioning of windowed sources is not supported. Both sides of the join must have the same window type and size and the same key format, unless the left side's key format is AVRO, JSON_SR or PROTOBUF (both sides are then repartitioned into the left side's window).
      SELECT * FROM TUM JOIN SRTUM WITHIN 1 MINUTE ON TUM.ID = SRTUM.ID EMIT CHANGES;   | line 1:19: Implicit repartitioning of windowed sources is not supported. Both sides of the join must have the same window type and size and the same key format, unless the left side's key format is AVRO, JSON_SR or PROTOBUF (both sides are then repartitioned into the left side's window).
      SELECT * FROM SES JOIN SESD WITHIN 1 MINUTE ON SES.ID = SESD.ID EMIT CHANGES;     | line 1:19: Implicit repartitioning of windowed sources is not supported. Both sides of the join must have the same window type and size and the same key format, unless the left side's key format is AVRO, JSON_SR or PROTOBUF (both sides are then repartitioned into the left side's window).
      SELECT * FROM SES JOIN SES2 WITHIN 1 MINUTE ON SES.ID = SES2.V EMIT CHANGES;      | line 1:19: Implicit repartitioning of windowed sources is not supported. See https://github.com/confluentinc/ksql/issues/4385.
      SELECT * FROM SRHOP JOIN SRTUM WITHIN 1 MINUTE ON SRHOP.V = SRTUM.ID EMIT CHANGES; | line 1:21: Implicit repartitioning of windowed sources is not supported. See https://github.com/confluentinc/ksql/issues/4385.
      SELECT * FROM TUM JOIN TTUM5 ON TUM.ID = TTUM5.ID EMIT CHANGES;                    | line 1:19: Implicit repartitioning of windowed sources is not supported. See https://github.com/confluentinc/ksql/issues/4385.
      SELECT * FROM TUM JOIN TTUM ON TUM.V = TTUM.ID EMIT CHANGES;                       | line 1:19: Implicit repartitioning of windowed sources is not supported. See https://github.com/confluentinc/ksql/issues/4385.
      SELECT * FROM SRTUM JOIN SRTTUM ON SRTUM.ID = SRTTUM.ID EMIT CHANGES;              | line 1:21: Implicit repartitioning of windowed sources is not supported. See https://github.com/confluentinc/ksql/issues/4385. As a result, a windowed table cannot be joined when a key format is AVRO, JSON_SR or PROTOBUF. Please repartition your sources to use a different key format before performing the join.
      """)
  void rejects(String sql, String message) {
    PlanningException error = assertThrows(PlanningException.class, () -> session.plan(sql));
    assertEquals(message, error.getMessage());
  }

  @Test
  void aWindowedStreamMeetsAWindowedTableOfTheSameWindowsOnItsKey() {
    PlanStep plan =
        query("CREATE STREAM O AS SELECT TUM.ID, V, W FROM TUM JOIN TTUM ON TUM.ID = TTUM.ID;");
    assertEquals(List.of(), selectKeys(plan));
  }

  /** The re-keying steps of a plan. */
  private static List<PlanStep.StreamSelectKey> selectKeys(PlanStep step) {
    List<PlanStep.StreamSelectKey> found = new ArrayList<>();
    if (step instanceof PlanStep.StreamSelectKey selectKey) {
      found.add(selectKey);
    }
    step.sources().forEach(s -> found.addAll(selectKeys(s)));
    return found;
  }

  private PlanStep query(String sql) {
    return ((PlannedStatement.PersistentQuery) session.plan(sql)).plan();
  }
}
