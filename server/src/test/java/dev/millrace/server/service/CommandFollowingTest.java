package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.server.api.Queries;
import dev.millrace.server.api.SourceInfo;
import dev.millrace.server.api.StreamsList;
import dev.millrace.server.api.TablesList;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three servers sharing a service id follow its command log while they run: a statement accepted by
 * any one of them reaches the others without a restart, and runs once on each.
 */
class CommandFollowingTest {
  private static final String SERVICE_ID = "following_test";

  @RegisterExtension static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

  @Test
  void statementsOnAnyServerReachEveryServer() throws Exception {
    try (EngineOnKafka first = server("first");
        EngineOnKafka second = server("second");
        EngineOnKafka third = server("third")) {
      first.run(
          "CREATE STREAM pageviews (user_id STRING KEY, page STRING) "
              + "WITH (KAFKA_TOPIC='pageviews', VALUE_FORMAT='JSON', PARTITIONS=2);");
      for (EngineOnKafka server : List.of(second, third)) {
        await(() -> streams(server), List.of("PAGEVIEWS"));
      }

      // Submitted here at once: the second server first applies what the first one logged.
      second.run(
          "CREATE TABLE views_per_user AS SELECT user_id, COUNT(*) AS views FROM pageviews "
              + "GROUP BY user_id EMIT CHANGES;");
      for (EngineOnKafka server : List.of(first, third)) {
        await(() -> tables(server), List.of("VIEWS_PER_USER"));
        await(() -> queries(server), List.of("CTAS_VIEWS_PER_USER_0 RUNNING"));
      }
      assertEquals(List.of("CTAS_VIEWS_PER_USER_0 RUNNING"), queries(second));

      third.run("TERMINATE CTAS_VIEWS_PER_USER_0;");
      third.run("DROP TABLE views_per_user;");
      for (EngineOnKafka server : List.of(first, second, third)) {
        await(() -> queries(server), List.of());
        await(() -> tables(server), List.of());
        assertEquals(List.of("PAGEVIEWS"), streams(server));
      }

      // A server started now replays what the others accepted, then follows on.
      try (EngineOnKafka fourth = server("fourth")) {
        assertEquals(List.of("PAGEVIEWS"), streams(fourth));
        first.run(
            "CREATE STREAM home_views AS SELECT * FROM pageviews WHERE page = 'home' EMIT CHANGES;");
        await(() -> streams(fourth), List.of("HOME_VIEWS", "PAGEVIEWS"));
        await(() -> queries(fourth), List.of("CSAS_HOME_VIEWS_1 RUNNING"));
      }
    }
  }

  private static List<String> streams(EngineOnKafka server) {
    return ((StreamsList) server.run("SHOW STREAMS;"))
        .streams().stream().map(SourceInfo::name).sorted().toList();
  }

  private static List<String> tables(EngineOnKafka server) {
    return ((TablesList) server.run("SHOW TABLES;"))
        .tables().stream().map(SourceInfo::name).sorted().toList();
  }

  private static List<String> queries(EngineOnKafka server) {
    return ((Queries) server.run("SHOW QUERIES;"))
        .queries().stream().map(q -> q.id() + " " + q.state()).sorted().toList();
  }

  private static EngineOnKafka server(String instanceId) {
    return kafka.server(SERVICE_ID, instanceId, Duration.ZERO);
  }

  /** Polls until the server shows what is expected; fails with what it last showed. */
  private static <T> void await(Await.Read<T> shown, T expected) throws Exception {
    assertEquals(expected, Await.until(shown, expected::equals));
  }
}
