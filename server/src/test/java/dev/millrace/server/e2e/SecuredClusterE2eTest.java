package dev.millrace.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millrace.server.MillraceServer;
import dev.millrace.server.config.ServerConfig;
import dev.millrace.server.http.TestCertificates;
import dev.millrace.server.kafka.BrokerSettings;
import dev.millrace.server.kafka.EmbeddedKafkaBroker;
import dev.millrace.server.service.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers of one service whose REST APIs speak only TLS, ask their clients (each other
 * included) for certificates, and ask for BASIC logins: a table's four partitions are split between
 * them, and either answers every key, forwarding to the other with the caller's login and its own
 * certificate; a wrong login is still refused.
 */
class SecuredClusterE2eTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int USERS = 12;
  private static final String FRED = "fred:letmein";

  @TempDir Path dir;

  @Test
  void eitherServerAnswersEveryKeyOverTlsWithTheCallersLogin() throws Exception {
    TestCertificates authority = TestCertificates.authority(dir, "Cluster Test CA");
    Path users = dir.resolve("users.properties");
    Files.writeString(users, "fred: letmein,ksql-user\n");
    Path jaas = dir.resolve("jaas.conf");
    Files.writeString(
        jaas,
        "KsqlServer-Props {\n  org.eclipse.jetty.jaas.spi.PropertyFileLoginModule required\n"
            + "  file=\""
            + users
            + "\";\n};\n");
    Path clientKeys = authority.keyStore("client", "PKCS12");
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(authority.clientContext(clientKeys, "PKCS12"))
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    try (EmbeddedKafkaBroker broker =
            EmbeddedKafkaBroker.start(BrokerSettings.of(dir.resolve("kafka")).withPort(0));
        MillraceServer first = start(broker, authority, jaas, "first");
        MillraceServer second = start(broker, authority, jaas, "second")) {
      URI one = first.uri();
      assertEquals("https", one.getScheme());
      for (String statement :
          List.of(
              "CREATE STREAM clicks (user_id STRING KEY, page STRING) "
                  + "WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON', PARTITIONS=4);",
              "CREATE TABLE clicks_per_user AS SELECT user_id, COUNT(*) AS clicks "
                  + "FROM clicks GROUP BY user_id EMIT CHANGES;")) {
        HttpResponse<String> done = send(http, post(one, "/ksql", ksql(statement), FRED));
        assertEquals(200, done.statusCode(), done.body());
      }
      for (int user = 0; user < USERS; user++) {
        String insert = "INSERT INTO clicks (user_id, page) VALUES ('user-" + user + "', 'home');";
        assertEquals(200, send(http, post(one, "/ksql", ksql(insert), FRED)).statusCode());
      }
      Await.condition(
          () -> bothServersHoldPartitions(http, one), "the partitions never split over both");
      List<URI> both = List.of(one, second.uri());
      Await.condition(
          () -> everyKeyFromEveryServer(http, both), "not every server answered every key");
      for (URI server : both) {
        // Neither server holds all four partitions: the whole table needs the other's rows.
        assertEquals(USERS, pull(http, server, "SELECT * FROM clicks_per_user;", FRED).size());
      }

      HttpResponse<String> refused =
          send(
              http,
              post(
                  one,
                  "/query-stream",
                  query("SELECT * FROM clicks_per_user WHERE user_id = 'user-1';"),
                  "fred:wrong"));
      assertEquals(401, refused.statusCode(), refused.body());
    }
  }

  private MillraceServer start(
      EmbeddedKafkaBroker broker, TestCertificates authority, Path jaas, String name)
      throws Exception {
    Map<String, String> config = new HashMap<>();
    config.put(ServerConfig.DATA_DIR, dir.resolve(name).toString());
    config.put(ServerConfig.LISTENERS, "https://127.0.0.1:0");
    config.put(ServerConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
    config.put(ServerConfig.SERVICE_ID, "secured_cluster");
    config.put(ServerConfig.PULL_RESTORE_WAIT_MS, "100");
    config.put("ssl.keystore.location", authority.keyStore(name, "PKCS12").toString());
    config.put("ssl.keystore.type", "PKCS12");
    config.put("ssl.keystore.password", TestCertificates.PASSWORD);
    config.put("ssl.truststore.location", authority.trustStore().toString());
    config.put("ssl.truststore.password", TestCertificates.PASSWORD);
    config.put("ssl.client.authentication", "REQUIRED");
    config.put("authentication.method", "BASIC");
    config.put("authentication.realm", "KsqlServer-Props");
    config.put("authentication.roles", "ksql-user");
    config.put("millrace.authentication.jaas.config", jaas.toString());
    return MillraceServer.start(
        ServerConfig.of(config), message -> System.out.println("[" + name + "] " + message));
  }

  /** Whether /clusterStatus lists two live servers, each with a partition of the table. */
  private static boolean bothServersHoldPartitions(HttpClient http, URI server) throws Exception {
    HttpResponse<String> status =
        send(http, login(HttpRequest.newBuilder(server.resolve("/clusterStatus")).GET(), FRED));
    JsonNode hosts = JSON.readTree(status.body()).get("clusterStatus");
    if (hosts.size() != 2) {
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

  private static boolean everyKeyFromEveryServer(HttpClient http, List<URI> servers)
      throws Exception {
    for (URI server : servers) {
      for (int user = 0; user < USERS; user++) {
        String sql = "SELECT * FROM clicks_per_user WHERE user_id = 'user-" + user + "';";
        Optional<List<String>> rows = tryPull(http, server, sql, FRED);
        if (rows.isEmpty() || !rows.get().equals(List.of("[\"user-" + user + "\",1]"))) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<String> pull(HttpClient http, URI server, String sql, String login)
      throws Exception {
    return tryPull(http, server, sql, login)
        .orElseThrow(() -> new AssertionError(server + " did not answer " + sql));
  }

  /** The rows a pull query answers (without the header line); empty if it failed. */
  private static Optional<List<String>> tryPull(
      HttpClient http, URI server, String sql, String login) throws Exception {
    HttpResponse<String> answer = send(http, post(server, "/query-stream", query(sql), login));
    if (answer.statusCode() != 200) {
      return Optional.empty();
    }
    List<String> lines = answer.body().lines().filter(line -> !line.isBlank()).toList();
    return Optional.of(lines.subList(1, lines.size()));
  }

  private static ObjectNode ksql(String statement) {
    return JSON.createObjectNode().put("ksql", statement);
  }

  private static ObjectNode query(String sql) {
    return JSON.createObjectNode().put("sql", sql);
  }

  private static HttpRequest.Builder post(URI base, String path, JsonNode body, String login) {
    return login(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .header(
                "Accept",
                path.equals("/query-stream")
                    ? "application/vnd.ksqlapi.delimited.v1"
                    : "application/vnd.ksql.v1+json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
        login);
  }

  private static HttpRequest.Builder login(HttpRequest.Builder request, String login) {
    String token = Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8));
    return request.timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + token);
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request)
      throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
