package dev.millrace.server.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server that leaves hands its partitions over: the one that stays takes them back, restores the
 * state the other built from the changelog, answers every key, and counts on from there.
 */
class HandOverTest {
  private static final int USERS = 20;
  private static final String SERVICE_ID = "handover_test";
  private static final String SCAN = "SELECT * FROM clicks_per_user;";

  @RegisterExtension static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

  @Test
  void theServerThatStaysRestoresTheLeaversPartitions() throws Exception {
    try (EngineOnKafka first = server("first")) {
      first.run(
          "CREATE STREAM clicks (user_id STRING KEY, page STRING) "
              + "WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON', PARTITIONS=4);");
      first.run(
          "CREATE TABLE clicks_per_user AS SELECT user_id, COUNT(*) AS clicks FROM clicks "
              + "GROUP BY user_id EMIT CHANGES;");
      clickEveryUser(first);
      Await.condition(() -> first.tryPull(SCAN).rows.size() == USERS, "first count never done");

      try (EngineOnKafka second = server("second")) {
        Await.condition(
            () -> first.tryPull(SCAN).error != null && second.tryPull(SCAN).error != null,
            "the servers never split the partitions");
        // Counted by whichever server holds each user's partition now, half of them by the second.
        clickEveryUser(first);
        Await.condition(
            () -> everyUserCounted(first, second, 2), "the split servers never counted again");
      }

      Await.condition(
          () -> counts(first).equals(expected(2)), "the first server never took everything back");
      clickEveryUser(first);
      Await.condition(() -> counts(first).equals(expected(3)), "counting never went on");
    }
  }

  private static void clickEveryUser(EngineOnKafka server) {
    for (int user = 0; user < USERS; user++) {
      server.run("INSERT INTO clicks (user_id, page) VALUES ('user-" + user + "', 'home');");
    }
  }

  private static boolean everyUserCounted(EngineOnKafka one, EngineOnKafka other, long clicks) {
    for (int user = 0; user < USERS; user++) {
      String lookup = "SELECT * FROM clicks_per_user WHERE user_id = 'user-" + user + "';";
      PullResult answer = one.tryPull(lookup);
      if (answer.error != null) {
        answer = other.tryPull(lookup);
      }
      if (!List.of(List.of("user-" + user, clicks)).equals(answer.rows)) {
        return false;
      }
    }
    return true;
  }

  private static List<List<Object>> counts(EngineOnKafka server) {
    PullResult scan = server.tryPull(SCAN);
    List<List<Object>> rows = new ArrayList<>(scan.rows);
    rows.sort(Comparator.comparing(row -> (String) row.get(0)));
    return rows;
  }

  private static List<List<Object>> expected(long clicks) {
    List<List<Object>> rows = new ArrayList<>();
    for (int user = 0; user < USERS; user++) {
      rows.add(List.of("user-" + user, clicks));
    }
    rows.sort(Comparator.comparing(row -> (String) row.get(0)));
    return rows;
  }

  private static EngineOnKafka server(String instanceId) {
    return kafka.server(SERVICE_ID, instanceId, Duration.ZERO);
  }
}
