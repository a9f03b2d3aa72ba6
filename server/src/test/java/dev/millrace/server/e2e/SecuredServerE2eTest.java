package dev.millrace.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millrace.server.MillraceServer;
import dev.millrace.server.config.ServerConfig;
import dev.millrace.server.http.TestCertificates;
import dev.millrace.server.kafka.BrokerSettings;
import dev.millrace.server.kafka.EmbeddedKafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server secured end to end: its Kafka cluster asks for SASL/PLAIN logins, and its REST API
 * speaks only TLS and asks for BASIC logins. A persistent query runs through it all; a server with
 * the wrong Kafka password does not start, and says why.
 */
class SecuredServerE2eTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PLAIN_LOGIN =
      "org.apache.kafka.common.security.plain.PlainLoginModule";

  @TempDir static Path dir;
  static EmbeddedKafkaBroker broker;
  static TestCertificates authority;
  static Path keyStore;
  static Path jaas;

  @BeforeAll
  static void saslBrokerAndCertificates() throws Exception {
    // The client listener keeps its name and demands SASL/PLAIN; the broker logs in to itself as
    // admin, the server as alice.
    broker =
        EmbeddedKafkaBroker.start(
            BrokerSettings.of(dir.resolve("broker"))
                .withPort(0)
                .withOverride(
                    "listener.security.protocol.map",
                    "PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT")
                .withOverride("sasl.enabled.mechanisms", "PLAIN")
                .withOverride("sasl.mechanism.inter.broker.protocol", "PLAIN")
                .withOverride(
                    "listener.name.plaintext.plain.sasl.jaas.config",
                    PLAIN_LOGIN
                        + " required username=\"admin\" password=\"admin-secret\""
                        + " user_admin=\"admin-secret\" user_alice=\"alice-secret\";"));
    authority = TestCertificates.authority(dir, "E2E Test CA");
    keyStore = authority.keyStore("server", "JKS");
    Path users = dir.resolve("users.properties");
    Files.writeString(users, "fred: letmein,ksql-user\n");
    jaas = dir.resolve("jaas.conf");
    Files.writeString(
        jaas,
        "KsqlServer-Props {\n  org.eclipse.jetty.jaas.spi.PropertyFileLoginModule required\n"
            + "  file=\""
            + users
            + "\";\n};\n");
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void persistentQueryRunsOnASaslClusterBehindTlsAndLogins() throws Exception {
    try (MillraceServer server =
        MillraceServer.start(
            ServerConfig.of(config("alice-secret", "secured")), System.out::println)) {
      URI base = server.uri();
      assertEquals("https", base.getScheme());
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .sslContext(authority.clientContext())
              .connectTimeout(Duration.ofSeconds(10))
              .build();

      assertEquals(401, send(http, post(base, "/ksql", ksql("SHOW STREAMS;"))).statusCode());

      for (String statement :
          List.of(
              "CREATE STREAM clicks (id INT KEY, page VARCHAR)"
                  + " WITH (kafka_topic='clicks', partitions=1, value_format='JSON');",
              "CREATE STREAM loud AS SELECT id, UCASE(page) AS page FROM clicks;",
              "INSERT INTO clicks (id, page) VALUES (1, 'home');",
              "INSERT INTO clicks (id, page) VALUES (2, 'docs');")) {
        HttpResponse<String> answer = send(http, login(post(base, "/ksql", ksql(statement))));
        assertEquals(200, answer.statusCode(), answer.body());
      }

      ObjectNode query =
          JSON.createObjectNode().put("sql", "SELECT * FROM loud EMIT CHANGES LIMIT 2;");
      query.set("properties", JSON.createObjectNode().put("auto.offset.reset", "earliest"));
      HttpResponse<String> rows =
          send(
              http,
              login(post(base, "/query-stream", query))
                  .header("Accept", "application/vnd.ksqlapi.delimited.v1"));
      assertEquals(200, rows.statusCode(), rows.body());
      List<String> lines = new ArrayList<>(rows.body().lines().filter(l -> !l.isBlank()).toList());
      lines.remove(0);
      assertEquals(List.of("[1,\"HOME\"]", "[2,\"DOCS\"]"), lines);
    }
  }

  @Test
  void wrongKafkaPasswordStopsTheServerAtStartUp() {
    Exception failure =
        assertThrows(
            Exception.class,
            () ->
                MillraceServer.start(
                        ServerConfig.of(config("not-alices-password", "refused")),
                        System.out::println)
                    .close());
    String message = failure.getMessage();
    assertTrue(
        message.startsWith("cannot open command topic '_millrace-refused-command_topic'"), message);
    assertTrue(message.contains("Authentication failed"), message);
  }

  private static Map<String, String> config(String password, String serviceId) {
    Map<String, String> config = new HashMap<>();
    config.put(ServerConfig.DATA_DIR, dir.resolve(serviceId).toString());
    config.put(ServerConfig.SERVICE_ID, serviceId);
    config.put(ServerConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
    config.put("security.protocol", "SASL_PLAINTEXT");
    config.put("sasl.mechanism", "PLAIN");
    config.put(
        "sasl.jaas.config",
        PLAIN_LOGIN + " required username=\"alice\" password=\"" + password + "\";");
    config.put(ServerConfig.LISTENERS, "https://127.0.0.1:0");
    config.put("ssl.keystore.location", keyStore.toString());
    config.put("ssl.keystore.password", TestCertificates.PASSWORD);
    config.put("authentication.method", "BASIC");
    config.put("authentication.realm", "KsqlServer-Props");
    config.put("authentication.roles", "ksql-user");
    config.put("millrace.authentication.jaas.config", jaas.toString());
    return config;
  }

  private static ObjectNode ksql(String statement) {
    return JSON.createObjectNode().put("ksql", statement);
  }

  private static HttpRequest.Builder post(URI base, String path, JsonNode body) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
  }

  private static HttpRequest.Builder login(HttpRequest.Builder request) {
    String token =
        Base64.getEncoder().encodeToString("fred:letmein".getBytes(StandardCharsets.UTF_8));
    return request.header("Authorization", "Basic " + token);
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request)
      throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
