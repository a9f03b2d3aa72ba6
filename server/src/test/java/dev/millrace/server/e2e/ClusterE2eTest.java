package dev.millrace.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.server.MillraceServer;
import dev.millrace.server.config.ServerConfig;
import dev.millrace.server.kafka.BrokerSettings;
import dev.millrace.server.kafka.EmbeddedKafkaBroker;
import dev.millrace.server.service.Await;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three servers with one service id on one broker: a table's four partitions spread over them, each
 * server answers a pull query for any key (asking the owner of the key's partition), {@code
 * /clusterStatus} and {@code /lag} describe them all, and when one leaves the others take its
 * partitions over and answer on.
 */
class ClusterE2eTest {
  private static final int USERS = 12;

  @TempDir Path dataDir;

  @Test
  void threeServersShareOneTable() throws Exception {
    try (EmbeddedKafkaBroker broker =
            EmbeddedKafkaBroker.start(BrokerSettings.of(dataDir.resolve("kafka")).withPort(0));
        MillraceServer first = start(broker, "first");
        MillraceServer second = start(broker, "second")) {
      MillraceServer third = start(broker, "third");
      try {
        RestClient one = new RestClient(first.uri());
        one.ksqlOk(
            "CREATE STREAM clicks (user_id STRING KEY, page STRING) "
                + "WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON', PARTITIONS=4);"
                + "CREATE TABLE clicks_per_user AS SELECT user_id, COUNT(*) AS clicks "
                + "FROM clicks GROUP BY user_id EMIT CHANGES;");
        for (int user = 0; user < USERS; user++) {
          one.ksqlOk("INSERT INTO clicks (user_id, page) VALUES ('user-" + user + "', 'home');");
        }
        List<RestClient> all = clients(first, second, third);
        Await.condition(
            () -> everyServerHoldsPartitions(one, 3), "the partitions never spread over 3");
        Await.condition(() -> everyKeyFromEveryServer(all), "not every server answered every key");
        for (RestClient server : all) {
          assertEquals(
              USERS, server.query("SELECT * FROM clicks_per_user;", Map.of()).rows().size());
        }

        JsonNode lag = new RestClient(second.uri()).get("/lag").ok();
        JsonNode query = lag.get("queries").get("CTAS_CLICKS_PER_USER_0");
        Set<String> sourcePartitions = new TreeSet<>();
        query
            .get("consumerLag")
            .forEach(
                p -> {
                  if (p.get("topic").asText().equals("clicks")) {
                    sourcePartitions.add(p.get("partition").asText());
                  }
                });
        assertEquals(Set.of("0", "1", "2", "3"), sourcePartitions);
        assertEquals(3, query.get("stateStoreLags").size());
      } finally {
        third.close();
      }
      RestClient one = new RestClient(first.uri());
      Await.condition(
          () -> one.get("/clusterStatus").ok().get("clusterStatus").size() == 2, "third stays");
      Await.condition(
          () -> everyKeyFromEveryServer(clients(first, second)),
          "the servers left never answered every key");
    }
  }

  private MillraceServer start(EmbeddedKafkaBroker broker, String name) throws Exception {
    Map<String, String> config =
        Map.of(
            ServerConfig.DATA_DIR, dataDir.resolve(name).toString(),
            ServerConfig.LISTENERS, "http://127.0.0.1:0",
            ServerConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
            ServerConfig.SERVICE_ID, "cluster_e2e",
            ServerConfig.PULL_RESTORE_WAIT_MS, "100");
    return MillraceServer.start(
        ServerConfig.of(config), message -> System.out.println("[" + name + "] " + message));
  }

  private static List<RestClient> clients(MillraceServer... servers) {
    List<RestClient> clients = new ArrayList<>();
    for (MillraceServer server : servers) {
      clients.add(new RestClient(server.uri()));
    }
    return clients;
  }

  /** Whether /clusterStatus lists {@code count} live servers, each with a partition of the CTAS. */
  private static boolean everyServerHoldsPartitions(RestClient client, int count) throws Exception {
    JsonNode hosts = client.get("/clusterStatus").ok().get("clusterStatus");
    if (hosts.size() != count) {
      return false;
    }
    for (JsonNode host : hosts) {
      JsonNode query = host.get("activeStandbyPerQuery").get("CTAS_CLICKS_PER_USER_0");
      if (!host.get("hostAlive").asBoolean()
          || query == null
          || query.get("activeStores").isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static boolean everyKeyFromEveryServer(List<RestClient> servers) throws Exception {
    for (RestClient server : servers) {
      for (int user = 0; user < USERS; user++) {
        RestClient.QueryResult answer;
        try {
          answer =
              server.query(
                  "SELECT * FROM clicks_per_user WHERE user_id = 'user-" + user + "';", Map.of());
        } catch (RestClient.NotReady notReady) {
          return false;
        }
        if (answer.rows().size() != 1
            || !answer.rows().get(0).toString().equals("[\"user-" + user + "\",1]")) {
          return false;
        }
      }
    }
    return true;
  }
}
