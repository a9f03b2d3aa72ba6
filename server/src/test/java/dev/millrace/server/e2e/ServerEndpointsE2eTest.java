package dev.millrace.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.millrace.server.MillraceServer;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /info}, {@code /healthcheck}, {@code /status} and push queries in SHOW QUERIES, on a real
 * server and its embedded broker, across a restart.
 */
class ServerEndpointsE2eTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir Path dataDir;

  @Test
  void serverEndpointsTellTheTruthAndRememberCommandsAcrossARestart() throws Exception {
    String commandId;
    try (MillraceServer server = E2eServers.start(dataDir)) {
      RestClient client = new RestClient(server.uri());
      assertInfoNamesTheKafkaCluster(server);
      assertHealthy(server);
      assertServerOnlyPropertiesAreDenied(server, client);

      JsonNode created =
          client.ksqlOk(
              "CREATE STREAM clicks (id STRING KEY, url STRING) WITH (KAFKA_TOPIC='clicks',"
                  + " VALUE_FORMAT='JSON', PARTITIONS=1);");
      commandId = created.get(0).get("commandId").asText();
      assertEquals("stream/`CLICKS`/create", commandId);
      assertCommandSucceeded(server, commandId);

      assertPushQueryListedWhileItRuns(server, client);
      client.ksqlOk("CREATE STREAM long_clicks AS SELECT * FROM clicks WHERE LEN(url) > 20;");
    }
    try (MillraceServer restarted = E2eServers.start(dataDir)) {
      JsonNode all = get(restarted, "/status");
      assertEquals("SUCCESS", all.get("commandStatuses").get(commandId).asText(), all.toString());
      assertCommandSucceeded(restarted, commandId);
      JsonNode query = get(restarted, "/status/stream%2F%60LONG_CLICKS%60%2Fcreate");
      assertEquals("SUCCESS", query.get("status").asText(), query.toString());
      assertEquals("CSAS_LONG_CLICKS_0", query.get("queryId").asText());
      assertHealthy(restarted);
    }
  }

  private static void assertInfoNamesTheKafkaCluster(MillraceServer server) throws Exception {
    String clusterId;
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, server.bootstrapServers()))) {
      clusterId = admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
    }
    JsonNode info = get(server, "/info").get("KsqlServerInfo");
    assertFalse(clusterId.isEmpty());
    assertEquals(clusterId, info.get("kafkaClusterId").asText());
  }

  private static void assertServerOnlyPropertiesAreDenied(MillraceServer server, RestClient client)
      throws Exception {
    assertTrue(get(server, "/is_valid_property/auto.offset.reset").asBoolean());
    HttpResponse<String> denied =
        HTTP.send(
            HttpRequest.newBuilder(server.uri().resolve("/is_valid_property/ksql.service.id"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String message =
        "One or more properties overrides set locally are prohibited by the KSQL server"
            + " (use UNSET to reset their default value): [ksql.service.id]";
    assertEquals(400, denied.statusCode());
    assertEquals(message, JSON.readTree(denied.body()).get("message").asText());
    RestClient.Answer refused = client.ksql("SHOW STREAMS;", Map.of("ksql.service.id", "other"));
    assertEquals(400, refused.status());
    assertEquals(message, refused.body().get("message").asText());
  }

  private static void assertHealthy(MillraceServer server) throws Exception {
    JsonNode health = get(server, "/healthcheck");
    assertTrue(health.get("isHealthy").asBoolean(), health.toString());
    for (String part : List.of("metastore", "kafka", "commandRunner")) {
      assertTrue(health.get("details").get(part).get("isHealthy").asBoolean(), part);
    }
  }

  /** The id as a client puts it in a URL: every reserved character (/ and `) percent-encoded. */
  private static void assertCommandSucceeded(MillraceServer server, String commandId)
      throws Exception {
    JsonNode status =
        get(server, "/status/" + URLEncoder.encode(commandId, StandardCharsets.UTF_8));
    assertEquals("SUCCESS", status.get("status").asText(), status.toString());
    assertEquals("Stream created", status.get("message").asText());
  }

  private static void assertPushQueryListedWhileItRuns(MillraceServer server, RestClient client)
      throws Exception {
    HttpResponse<Stream<String>> response =
        HTTP.sendAsync(
                HttpRequest.newBuilder(server.uri().resolve("/query-stream"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"sql\": \"SELECT * FROM clicks EMIT CHANGES;\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofLines())
            .get(60, TimeUnit.SECONDS);
    try (Stream<String> lines = response.body()) {
      Iterator<String> body = lines.iterator();
      String queryId = JSON.readTree(body.next()).get("queryId").asText();

      List<JsonNode> running = queries(client);
      assertEquals(1, running.size(), running.toString());
      JsonNode push = running.get(0);
      assertEquals(queryId, push.get("id").asText());
      assertEquals("PUSH", push.get("queryType").asText());
      assertEquals("RUNNING", push.get("state").asText());
      assertEquals("SELECT * FROM clicks EMIT CHANGES;", push.get("queryString").asText());
      assertEquals(0, push.get("sinks").size());

      HttpResponse<String> closed =
          HTTP.send(
              HttpRequest.newBuilder(server.uri().resolve("/close-query"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"queryId\":\"" + queryId + "\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, closed.statusCode(), closed.body());
      assertEquals(List.of(), queries(client));
    }
  }

  private static List<JsonNode> queries(RestClient client) throws Exception {
    List<JsonNode> queries = new ArrayList<>();
    client.ksqlOk("SHOW QUERIES;").get(0).get("queries").forEach(queries::add);
    return queries;
  }

  private static JsonNode get(MillraceServer server, String path) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(server.uri().resolve(path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return JSON.readTree(response.body());
  }
}
