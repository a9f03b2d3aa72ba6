package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two servers sharing a service id split a CTAS's four partitions between them: each answers the
 * key lookups of the keys it holds and refuses, with a retryable error, scans and the other keys,
 * rather than answering from its half of the table.
 */
class PullQueryOwnershipTest {
  private static final int USERS = 40;
  private static final String SERVICE_ID = "owners_test";
  private static final String SCAN = "SELECT * FROM clicks_per_user;";
  private static final String HALF_HERE =
      "Table CLICKS_PER_USER cannot be read on this server yet: 2 of 4 partitions"
          + " of its state are ready on this server; the others are still being restored here or are owned by another"
          + " server. Retry the pull query shortly.";

  @RegisterExtension static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

  @Test
  void eachServerAnswersOnlyTheKeysItHolds() throws Exception {
    try (EngineOnKafka first = server("first")) {
      first.run(
          "CREATE STREAM clicks (user_id STRING KEY, page STRING) "
              + "WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON', PARTITIONS=4);");
      first.run(
          "CREATE TABLE clicks_per_user AS SELECT user_id, COUNT(*) AS clicks FROM clicks "
              + "GROUP BY user_id EMIT CHANGES;");
      for (int user = 0; user < USERS; user++) {
        first.run("INSERT INTO clicks (user_id, page) VALUES ('user-" + user + "', 'home');");
      }
      Await.condition(
          () -> first.tryPull(SCAN).rows.size() == USERS,
          "the first server never counted every click");

      try (EngineOnKafka second = server("second")) {
        // Once the group has settled, each server holds two restored partitions of the four.
        Await.condition(
            () -> holdsHalf(first) && holdsHalf(second), "the servers never split the partitions");
        for (int user = 0; user < USERS; user++) {
          String lookup = "SELECT * FROM clicks_per_user WHERE user_id = 'user-" + user + "';";
          PullResult fromFirst = first.tryPull(lookup);
          PullResult fromSecond = second.tryPull(lookup);
          PullResult answered = fromFirst.error == null ? fromFirst : fromSecond;
          PullResult refused = fromFirst.error == null ? fromSecond : fromFirst;
          assertEquals(
              List.of(List.of("user-" + user, 1L)),
              answered.rows,
              "the server holding user-" + user);
          assertTrue(refused.error != null, "only one server holds user-" + user);
          assertEquals(ErrorCode.SERVER_NOT_READY, refused.error.errorCode());
          assertEquals(HALF_HERE, refused.error.getMessage());
        }
      }
    }
  }

  private static boolean holdsHalf(EngineOnKafka server) {
    PullResult scan = server.tryPull(SCAN);
    return scan.error != null && scan.error.getMessage().equals(HALF_HERE);
  }

  private static EngineOnKafka server(String instanceId) {
    return kafka.server(SERVICE_ID, instanceId, Duration.ZERO);
  }
}
