package dev.millrace.bench.job;

import dev.millrace.bench.data.DataGenerator;
import dev.millrace.bench.data.Topics;
import java.util.List;
import java.util.Map;

/** The SQL of each job, as a Millrace user would write it. */
final class MillraceQueries {
  private MillraceQueries() {}

  /**
   * The session properties of every statement: read the topics from the start, with {@code
   * guarantee}, and emit every update (no record cache).
   */
  static Map<String, Object> session(Guarantee guarantee) {
    return Map.of(
        "auto.offset.reset",
        "earliest",
        "processing.guarantee",
        guarantee.setting(),
        "cache.max.bytes.buffering",
        0);
  }

  /** The input topics, declared. */
  static List<String> sources() {
    return List.of(
        "CREATE STREAM PAGEVIEWS (USERID STRING KEY, VIEWTIME BIGINT, PAGEID STRING,"
            + " REFERRER STRING, USERAGENT STRING, DURATION_MS INT)"
            + " WITH (KAFKA_TOPIC='"
            + Topics.PAGEVIEWS
            + "', VALUE_FORMAT='JSON');",
        "CREATE TABLE USERS (USERID STRING PRIMARY KEY, REGISTERTIME BIGINT, REGIONID STRING,"
            + " GENDER STRING) WITH (KAFKA_TOPIC='"
            + Topics.USERS
            + "', VALUE_FORMAT='JSON');");
  }

  /** Copies the page views to an AVRO topic, registering its schema, before the AVRO job. */
  static String toAvro(String topic) {
    return "CREATE STREAM PAGEVIEWS_AVRO_COPY WITH (KAFKA_TOPIC='"
        + topic
        + "', VALUE_FORMAT='AVRO') AS SELECT * FROM PAGEVIEWS EMIT CHANGES;";
  }

  /**
   * The AVRO copy declared as a user would: its key column, and the value columns from the
   * registered schema.
   */
  static String avroSource() {
    return "CREATE STREAM PAGEVIEWS_AVRO (USERID STRING KEY) WITH (KAFKA_TOPIC='"
        + Topics.PAGEVIEWS_AVRO
        + "', VALUE_FORMAT='AVRO');";
  }

  /** The measured persistent query of the job, writing to {@code output}. */
  static String query(Job job, String output) {
    String into = " WITH (KAFKA_TOPIC='" + output + "')";
    return switch (job) {
      case FILTER -> "CREATE STREAM LONG_VIEWS" + into + " AS " + longViews("PAGEVIEWS");
      case FILTER_AVRO ->
          "CREATE STREAM LONG_VIEWS_AVRO WITH (KAFKA_TOPIC='"
              + output
              + "', VALUE_FORMAT='AVRO') AS "
              + longViews("PAGEVIEWS_AVRO");
      case GROUP_BY ->
          "CREATE TABLE PAGE_VIEWS"
              + into
              + " AS SELECT PAGEID, COUNT(*) AS VIEWS FROM PAGEVIEWS GROUP BY PAGEID EMIT CHANGES;";
      case USER_PAGES ->
          // A key of two columns needs a key format that holds several: KAFKA holds one.
          "CREATE TABLE USER_PAGE_VIEWS WITH (KAFKA_TOPIC='"
              + output
              + "', KEY_FORMAT='JSON') AS SELECT USERID, PAGEID, COUNT(*) AS VIEWS FROM PAGEVIEWS"
              + " GROUP BY USERID, PAGEID EMIT CHANGES;";
      case TUMBLING ->
          "CREATE TABLE USER_MINUTES"
              + into
              + " AS SELECT USERID, COUNT(*) AS VIEWS FROM PAGEVIEWS"
              + " WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY USERID EMIT CHANGES;";
      case JOIN ->
          "CREATE STREAM ENRICHED_VIEWS"
              + into
              + " AS SELECT PAGEVIEWS.USERID AS USERID, PAGEID, VIEWTIME, REGIONID, GENDER"
              + " FROM PAGEVIEWS LEFT JOIN USERS ON PAGEVIEWS.USERID = USERS.USERID EMIT CHANGES;";
    };
  }

  private static String longViews(String source) {
    return "SELECT USERID, PAGEID, VIEWTIME, DURATION_MS FROM "
        + source
        + " WHERE DURATION_MS >= "
        + DataGenerator.MIN_DURATION_MS
        + " EMIT CHANGES;";
  }
}
