package dev.millrace.server.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A stream-table join started over topics that already hold all their records, the table's with
 * earlier timestamps than the stream's: every stream record must find its table row, whatever order
 * the consumer fetches the two topics' partitions in. The query's tasks process records in
 * timestamp order across the co-partitioned topics.
 */
class KafkaJoinTimeOrderTest {
  private static final int USERS = 10_000;
  private static final int VIEWS = 10_000;
  private static final long USERS_START = 1_000_000L;
  private static final long VIEWS_START = 2_000_000L;
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final KafkaEngineExtension kafka = KafkaEngineExtension.forService("join_order");

  @Test
  void everyPageviewFindsItsUserWhenTheUsersWereLoadedFirst() throws Exception {
    run(
        "CREATE TABLE users (id STRING PRIMARY KEY, name STRING) "
            + "WITH (KAFKA_TOPIC='users', VALUE_FORMAT='JSON', PARTITIONS=2);");
    run(
        "CREATE STREAM pageviews (user_id STRING KEY, view_id INT) "
            + "WITH (KAFKA_TOPIC='pageviews', VALUE_FORMAT='JSON', PARTITIONS=2);");
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      for (int i = 0; i < USERS; i++) {
        send(producer, "users", USERS_START + i, "u" + i, "{\"NAME\":\"name" + i + "\"}");
      }
      producer.flush();
      for (int v = 0; v < VIEWS; v++) {
        send(producer, "pageviews", VIEWS_START + v, "u" + (v % USERS), "{\"VIEW_ID\":" + v + "}");
      }
    }

    run(
        "CREATE STREAM enriched AS SELECT pageviews.user_id AS user_id, view_id, name "
            + "FROM pageviews LEFT JOIN users ON pageviews.user_id = users.id EMIT CHANGES;");

    assertEveryViewFoundItsUser(kafka.output().awaitRecords("ENRICHED", VIEWS), USERS, VIEWS);
  }

  @Test
  void pageviewsReKeyedForTheJoinFindTheirUsersToo() throws Exception {
    int users = 3_000;
    int views = 3_000;
    run(
        "CREATE TABLE rk_users (id STRING PRIMARY KEY, name STRING) "
            + "WITH (KAFKA_TOPIC='rk_users', VALUE_FORMAT='JSON', PARTITIONS=2);");
    run(
        "CREATE STREAM rk_views (view_id INT KEY, user_id STRING) "
            + "WITH (KAFKA_TOPIC='rk_views', VALUE_FORMAT='JSON', PARTITIONS=2);");
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      for (int i = 0; i < users; i++) {
        send(producer, "rk_users", USERS_START + i, "u" + i, "{\"NAME\":\"name" + i + "\"}");
      }
      producer.flush();
      for (int v = 0; v < views; v++) {
        byte[] key = ByteBuffer.allocate(Integer.BYTES).putInt(v).array();
        producer.send(
            new ProducerRecord<>(
                "rk_views",
                null,
                VIEWS_START + v,
                key,
                ("{\"USER_ID\":\"u" + (v % users) + "\"}").getBytes(UTF_8)));
      }
    }

    // The join re-keys the pageviews by user id through a repartition topic; the task joining them
    // reads that topic (written in transactions by the query itself) and the users topic, and must
    // neither stall waiting on the repartition topic nor let a re-keyed pageview pass its user.
    run(
        "CREATE STREAM rk_enriched AS SELECT rk_views.user_id AS user_id, view_id, name "
            + "FROM rk_views LEFT JOIN rk_users ON rk_views.user_id = rk_users.id EMIT CHANGES;");

    assertEveryViewFoundItsUser(kafka.output().awaitRecords("RK_ENRICHED", views), users, views);
  }

  @Test
  void aTableTopicThatStaysEmptyHoldsNothingUp() throws Exception {
    run(
        "CREATE TABLE no_users (id STRING PRIMARY KEY, name STRING) "
            + "WITH (KAFKA_TOPIC='no_users', VALUE_FORMAT='JSON', PARTITIONS=1);");
    run(
        "CREATE STREAM lone_views (user_id STRING KEY, view_id INT) "
            + "WITH (KAFKA_TOPIC='lone_views', VALUE_FORMAT='JSON', PARTITIONS=1);");
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      send(producer, "lone_views", 2_000, "u1", "{\"VIEW_ID\":1}");
    }

    run(
        "CREATE STREAM lone_enriched AS SELECT lone_views.user_id AS user_id, view_id, name "
            + "FROM lone_views LEFT JOIN no_users ON lone_views.user_id = no_users.id EMIT CHANGES;");

    List<QueryBackend.TopicRecord> output = kafka.output().awaitRecords("LONE_ENRICHED", 1);
    assertEquals("{\"VIEW_ID\":1,\"NAME\":null}", new String(output.get(0).value(), UTF_8));
  }

  @Test
  void aQuerysTaskIdleTimeHoldsStreamRecordsUntilTheTableHasCaughtUp() throws Exception {
    run(
        "CREATE TABLE late_users (id STRING PRIMARY KEY, name STRING) "
            + "WITH (KAFKA_TOPIC='late_users', VALUE_FORMAT='JSON', PARTITIONS=1);");
    run(
        "CREATE STREAM late_views (user_id STRING KEY, view_id INT) "
            + "WITH (KAFKA_TOPIC='late_views', VALUE_FORMAT='JSON', PARTITIONS=1);");
    kafka.run(
        "CREATE STREAM late_enriched AS SELECT late_views.user_id AS user_id, view_id, name "
            + "FROM late_views LEFT JOIN late_users ON late_views.user_id = late_users.id EMIT CHANGES;",
        Map.of("ksql.streams.max.task.idle.ms", "10000"));

    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      send(producer, "late_views", 2_000, "u1", "{\"VIEW_ID\":1}");
      producer.flush();
      // Lets the query fetch the pageview alone: with no idle time it would join it to no user now.
      // The user comes well within the idle time; once it is processed and the users partition is
      // empty again, the pageview waits out one more idle time before it goes.
      Thread.sleep(2_000);
      send(producer, "late_users", 1_000, "u1", "{\"NAME\":\"ann\"}");
    }

    List<QueryBackend.TopicRecord> output = kafka.output().awaitRecords("LATE_ENRICHED", 1);
    assertEquals(1, output.size());
    assertEquals("{\"VIEW_ID\":1,\"NAME\":\"ann\"}", new String(output.get(0).value(), UTF_8));
  }

  /**
   * Each pageview {@code v} once, keyed by its user {@code u<v % users>}, with that user's name.
   */
  private static void assertEveryViewFoundItsUser(
      List<QueryBackend.TopicRecord> output, int users, int views) throws IOException {
    assertEquals(views, output.size());
    Map<Integer, String> nameByView = new TreeMap<>();
    List<Integer> withoutUser = new ArrayList<>();
    for (QueryBackend.TopicRecord record : output) {
      JsonNode value = JSON.readTree(record.value());
      int view = value.get("VIEW_ID").asInt();
      nameByView.put(view, value.get("NAME").isNull() ? null : value.get("NAME").asText());
      if (value.get("NAME").isNull()) {
        withoutUser.add(view);
      }
      assertEquals("u" + (view % users), new String(record.key(), UTF_8));
      assertEquals(VIEWS_START + view, record.timestamp());
    }
    assertEquals(
        0,
        withoutUser.size(),
        withoutUser.size()
            + " pageviews were joined before their user was in the"
            + " table, among them "
            + withoutUser.subList(0, Math.min(10, withoutUser.size())));
    assertEquals(views, nameByView.size(), "each pageview exactly once");
    for (int v = 0; v < views; v++) {
      assertEquals("name" + (v % users), nameByView.get(v));
    }
  }

  private static void send(
      KafkaProducer<byte[], byte[]> producer,
      String topic,
      long timestamp,
      String key,
      String value) {
    producer.send(
        new ProducerRecord<>(topic, null, timestamp, key.getBytes(UTF_8), value.getBytes(UTF_8)));
  }

  private static void run(String sql) {
    kafka.run(sql);
  }
}
