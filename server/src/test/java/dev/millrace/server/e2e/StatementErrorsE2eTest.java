package dev.millrace.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.server.MillraceServer;
import dev.millrace.server.kafka.TopicAdmin;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Statements that are well-formed SQL but ask for what Kafka or the engine cannot give — a topic
 * that does not exist, a partition or replica count the cluster refuses, a topic name Kafka
 * forbids, join sides that cannot be co-partitioned, a property value that means nothing — are
 * rejected over REST with HTTP 400, ksqlDB's statement error body and the statement's position, on
 * the real server and its embedded broker. Nothing of a rejected statement is created.
 */
class StatementErrorsE2eTest {

  @TempDir static Path dataDir;

  private static MillraceServer server;
  private static RestClient client;

  @BeforeAll
  static void startServer() throws Exception {
    server = E2eServers.start(dataDir);
    client = new RestClient(server.uri());
    client.ksqlOk(
        """
        CREATE STREAM orders (id STRING KEY, amount INT) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE TABLE users (id STRING PRIMARY KEY, name STRING) WITH (KAFKA_TOPIC='users', VALUE_FORMAT='JSON', PARTITIONS=2);
        CREATE STREAM gone (id STRING KEY, v INT) WITH (KAFKA_TOPIC='gone', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE SOURCE TABLE gone_table (id STRING PRIMARY KEY, v INT) WITH (KAFKA_TOPIC='gone_table', VALUE_FORMAT='JSON', PARTITIONS=1);
        """);
    try (TopicAdmin admin = TopicAdmin.connect(server.bootstrapServers())) {
      admin.delete("gone");
      admin.delete("gone_table");
    }
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of(
            "CREATE STREAM ghost (v INT) WITH (KAFKA_TOPIC='ghost', VALUE_FORMAT='JSON');",
            "line 1:35: Topic 'ghost' does not exist. To create it, give the statement its partition count in the WITH "
                + "clause: PARTITIONS (and optionally REPLICAS), for example WITH (KAFKA_TOPIC='ghost', PARTITIONS=2, "
                + "VALUE_FORMAT='JSON')."),
        Arguments.of(
            "CREATE TABLE ghost (k INT PRIMARY KEY, v INT) WITH (VALUE_FORMAT='JSON');",
            "line 1:1: Topic 'GHOST' does not exist. To create it, give the statement its partition count in the WITH "
                + "clause: PARTITIONS (and optionally REPLICAS), for example WITH (KAFKA_TOPIC='GHOST', PARTITIONS=2, "
                + "VALUE_FORMAT='JSON')."),
        Arguments.of(
            "CREATE STREAM s (v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=0);",
            "line 1:69: Invalid value for PARTITIONS: 0. A topic needs at least one partition."),
        Arguments.of(
            "CREATE STREAM s (v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=-1);",
            "line 1:69: Invalid value for PARTITIONS: -1. A topic needs at least one partition."),
        Arguments.of(
            "CREATE STREAM s (v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1, REPLICAS=0);",
            "line 1:83: Invalid value for REPLICAS: 0. A topic needs at least one replica."),
        Arguments.of(
            "CREATE STREAM s (v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=10000);",
            "line 1:69: Invalid value for PARTITIONS: 10000. It may be at most 1000; declare a larger topic made "
                + "with Kafka's tools without PARTITIONS."),
        Arguments.of(
            "CREATE STREAM s (v INT) WITH (KAFKA_TOPIC='bad name!', VALUE_FORMAT='JSON', PARTITIONS=1);",
            "line 1:31: Invalid topic name 'bad name!': it contains ' '; Kafka allows only ASCII letters, digits, '.', "
                + "'_' and '-'."),
        Arguments.of(
            "CREATE STREAM s (v INT) WITH (KAFKA_TOPIC='..', VALUE_FORMAT='JSON', PARTITIONS=1);",
            "line 1:31: Invalid topic name '..': '.' and '..' are not allowed."),
        Arguments.of(
            "CREATE STREAM s (v INT) WITH (KAFKA_TOPIC='"
                + "t".repeat(250)
                + "', VALUE_FORMAT='JSON', "
                + "PARTITIONS=1);",
            "line 1:31: Invalid topic name '"
                + "t".repeat(57)
                + "...': it is 250 characters long, and Kafka allows at "
                + "most 249."),
        Arguments.of(
            "CREATE STREAM `my orders` AS SELECT * FROM orders;",
            "line 1:1: Invalid topic name 'my orders': it contains ' '; Kafka allows only ASCII letters, digits, '.', "
                + "'_' and '-'."),
        Arguments.of(
            "CREATE STREAM again (id STRING KEY, amount INT) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', "
                + "PARTITIONS=4);",
            "line 1:55: Topic 'orders' already exists with 1 partition(s), but the statement asks for 4. Leave "
                + "PARTITIONS out to use the topic as it is, or name another topic in KAFKA_TOPIC."),
        Arguments.of(
            "CREATE STREAM enriched AS SELECT o.id, o.amount, u.name FROM orders o JOIN users u ON o.id = u.id;",
            "line 1:1: Cannot join `ORDERS` (1 partition) with `USERS` (2 partitions): the sides of a join on their "
                + "keys must have the same number of partitions, so that the records of one key meet in one task. "
                + "Copy one side into a topic with the other's partition count (CREATE STREAM|TABLE ... WITH "
                + "(PARTITIONS=...) AS SELECT * FROM ...) and join the copy."),
        Arguments.of(
            "INSERT INTO gone (id, v) VALUES ('a', 1);",
            "line 1:1: Topic 'gone' of `GONE` does not exist: it was deleted after `GONE` was created. Re-create the "
                + "topic, or drop `GONE`."),
        Arguments.of(
            "CREATE STREAM copy AS SELECT * FROM gone;",
            "line 1:1: Topic 'gone' of `GONE` does not exist: it was deleted after `GONE` was created. Re-create the "
                + "topic, or drop `GONE`."),
        Arguments.of(
            "SET 'auto.offset.reset'='zzz';",
            "line 1:1: Invalid value 'zzz' for property 'auto.offset.reset': it must be one of earliest, latest, none."),
        Arguments.of(
            "SET 'ksql.streams.processing.guarantee'='sometimes';",
            "line 1:1: Invalid value 'sometimes' for property 'ksql.streams.processing.guarantee': it must be one of "
                + "at_least_once, exactly_once, exactly_once_beta, exactly_once_v2."),
        Arguments.of(
            "SET 'commit.interval.ms'='soon';",
            "line 1:1: Invalid value 'soon' for property 'commit.interval.ms': it must be a whole number of at least 0."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void isA400WithThePositionAndWhatIsWrong(String sql, String message) throws Exception {
    RestClient.Answer answer = client.ksql(sql, Map.of());

    assertEquals(400, answer.status(), () -> answer.body().toString());
    JsonNode error = answer.body();
    assertEquals("statement_error", error.path("@type").asText(), error::toString);
    assertEquals(40001, error.path("error_code").asInt(), error::toString);
    assertEquals(message, error.path("message").asText());
    assertEquals(sql, error.path("statementText").asText(), error::toString);
    assertEquals(0, error.path("entities").size(), error::toString);
  }

  @Test
  void aReplicationFactorTheClusterCannotMeetIsRefusedByKafkaAndReportedAsA400() throws Exception {
    String sql =
        "CREATE STREAM r3 (v INT) WITH (KAFKA_TOPIC='r3', VALUE_FORMAT='JSON', PARTITIONS=1, REPLICAS=3);";
    RestClient.Answer answer = client.ksql(sql, Map.of());

    assertEquals(400, answer.status(), () -> answer.body().toString());
    assertEquals(40001, answer.body().path("error_code").asInt(), answer.body()::toString);
    String message = answer.body().path("message").asText();
    assertTrue(message.startsWith("line 1:32: Could not create topic 'r3': "), message);
    assertTrue(
        message.contains("replication factor") || message.contains("Replication factor"), message);
    assertFalse(message.contains("\tat ") || message.contains("Exception"), message);
  }

  @Test
  void aReKeyedStreamJoinsATableOfAnotherPartitionCount() throws Exception {
    client.ksqlOk(
        "CREATE STREAM clicks (id STRING KEY, user_id STRING) WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON', "
            + "PARTITIONS=1);");

    JsonNode created =
        client.ksqlOk(
            "CREATE STREAM named_clicks AS SELECT c.user_id, u.name FROM clicks c "
                + "JOIN users u ON c.user_id = u.id;");

    assertEquals(
        "SUCCESS", created.get(0).path("commandStatus").path("status").asText(), created::toString);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      SELECT * FROM gone EMIT CHANGES;         | GONE       | gone
      SELECT * FROM gone_table WHERE id = 'a'; | GONE_TABLE | gone_table
      """)
  void aQueryOverADeletedTopicIsA400BeforeItStreams(String sql, String source, String topic)
      throws Exception {
    RestClient.Answer answer = client.queryStreamError(sql);

    assertEquals(400, answer.status(), () -> answer.body().toString());
    assertEquals(40001, answer.body().path("error_code").asInt(), answer.body()::toString);
    assertEquals(
        "line 1:1: Topic '"
            + topic
            + "' of `"
            + source
            + "` does not exist: it was deleted after `"
            + source
            + "` was created. Re-create the topic, or drop `"
            + source
            + "`.",
        answer.body().path("message").asText());
  }

  @Test
  void invalidPropertiesOfARequestAreA400BeforeAnyStatementRuns() throws Exception {
    String message =
        "Invalid value 'zzz' for property 'auto.offset.reset': it must be one of earliest, latest, none.";

    RestClient.Answer ksql =
        client.ksql(
            "CREATE STREAM never (v INT) WITH (KAFKA_TOPIC='never', VALUE_FORMAT='JSON', "
                + "PARTITIONS=1);",
            Map.of("auto.offset.reset", "zzz"));
    RestClient.Answer query =
        client.queryEndpoint(
            "SELECT * FROM orders EMIT CHANGES;", Map.of("auto.offset.reset", "zzz"));

    for (RestClient.Answer answer : new RestClient.Answer[] {ksql, query}) {
      assertEquals(400, answer.status(), () -> answer.body().toString());
      assertEquals(40000, answer.body().path("error_code").asInt(), answer.body()::toString);
      assertEquals(message, answer.body().path("message").asText());
    }
    assertFalse(client.ksqlOk("SHOW STREAMS;").toString().contains("NEVER"));
  }

  @Test
  void nothingOfARejectedStatementIsCreated() throws Exception {
    client.ksql(
        "CREATE STREAM ghost2 (v INT) WITH (KAFKA_TOPIC='ghost2', VALUE_FORMAT='JSON');", Map.of());
    client.ksql(
        "CREATE STREAM enriched2 AS SELECT o.id, u.name FROM orders o JOIN users u ON o.id = u.id;",
        Map.of());

    String streams = client.ksqlOk("SHOW STREAMS;").toString();
    assertFalse(streams.contains("GHOST2") || streams.contains("ENRICHED2"), streams);
    String topics = client.ksqlOk("SHOW TOPICS;").toString();
    assertFalse(topics.contains("ghost2") || topics.contains("ENRICHED2"), topics);
  }
}
