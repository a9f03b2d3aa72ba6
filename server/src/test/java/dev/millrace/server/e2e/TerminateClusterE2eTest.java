package dev.millrace.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.millrace.server.MillraceServer;
import dev.millrace.server.config.ServerConfig;
import dev.millrace.server.kafka.BrokerSettings;
import dev.millrace.server.kafka.EmbeddedKafkaBroker;
import dev.millrace.server.kafka.HeartbeatTopic;
import dev.millrace.server.kafka.TopicAdmin;
import dev.millrace.server.service.CommandLog;
import dev.millrace.server.service.ProcessingLogStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /ksql/terminate} on a real server: it ends the push queries and the persistent ones,
 * deletes the matching topics of query-created sources (never a declared source's), the command
 * topic and the processing log, stops the heartbeats and deletes their topic, and the server
 * refuses every request after it.
 */
class TerminateClusterE2eTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir Path dataDir;

  @Test
  void terminatesQueriesDeletesWhatItShouldAndRefusesWhatFollows() throws Exception {
    try (MillraceServer server = E2eServers.start(dataDir)) {
      RestClient client = new RestClient(server.uri());
      client.ksqlOk(
          """
          CREATE STREAM src (id STRING KEY, v INT)
            WITH (KAFKA_TOPIC='src', VALUE_FORMAT='JSON', PARTITIONS=1);
          CREATE STREAM derived AS SELECT * FROM src WHERE v > 0;
          CREATE STREAM kept AS SELECT * FROM src WHERE v < 0;
          """);
      HttpResponse<Stream<String>> push =
          HTTP.sendAsync(
                  post(server, "/query-stream", "{\"sql\": \"SELECT * FROM src EMIT CHANGES;\"}"),
                  HttpResponse.BodyHandlers.ofLines())
              .get(60, TimeUnit.SECONDS);
      List<String> pushLines;
      HttpResponse<String> terminated;
      try (Stream<String> lines = push.body()) {
        var body = lines.iterator();
        body.next(); // the header: the push query runs
        terminated =
            HTTP.send(
                post(server, "/ksql/terminate", "{\"deleteTopicList\": [\"DERIVED\", \"sr.*\"]}"),
                HttpResponse.BodyHandlers.ofString());
        pushLines = new java.util.ArrayList<>();
        body.forEachRemaining(pushLines::add);
      }

      assertEquals(200, terminated.statusCode(), terminated.body());
      JsonNode entity = JSON.readTree(terminated.body()).get(0);
      assertEquals("TERMINATE CLUSTER;", entity.get("statementText").asText());
      assertEquals("SUCCESS", entity.get("commandStatus").get("status").asText());
      assertEquals(1, pushLines.size(), pushLines.toString());
      assertEquals(50300, JSON.readTree(pushLines.get(0)).get("error_code").asInt());

      Set<String> topics;
      try (TopicAdmin admin = TopicAdmin.connect(server.bootstrapServers())) {
        topics = admin.list();
      }
      assertFalse(topics.contains("DERIVED"), topics.toString());
      assertTrue(topics.contains("KEPT"), "not in the list");
      assertTrue(topics.contains("src"), "a declared source's topic, though it matches");
      assertFalse(topics.contains(CommandLog.topicName("default_")), topics.toString());
      assertFalse(topics.contains(ProcessingLogStream.topic("default_")), topics.toString());

      RestClient.Answer refused = client.ksql("SHOW STREAMS;", Map.of());
      assertEquals(503, refused.status());
      assertEquals(50300, refused.body().get("error_code").asInt());
      assertEquals(
          "The cluster has been terminated. No new request will be accepted.",
          refused.body().get("message").asText());
    }
  }

  @Test
  void stopsTheHeartbeatsAndDeletesTheirTopic() throws Exception {
    String heartbeats = HeartbeatTopic.topicName("default_");
    // A beat written after the deletion would bring the topic back, and so show.
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(
            BrokerSettings.of(dataDir.resolve("kafka"))
                .withPort(0)
                .withOverride("auto.create.topics.enable", "true"))) {
      Map<String, String> config = new HashMap<>(E2eServers.config(dataDir.resolve("server")));
      config.put(ServerConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
      try (TopicAdmin admin = TopicAdmin.connect(broker.bootstrapServers())) {
        try (MillraceServer server =
            MillraceServer.start(ServerConfig.of(config), System.out::println)) {
          assertTrue(admin.list().contains(heartbeats), "the server beats while it runs");
          HttpResponse<String> terminated =
              HTTP.send(
                  post(server, "/ksql/terminate", "{}"), HttpResponse.BodyHandlers.ofString());
          assertEquals(200, terminated.statusCode(), terminated.body());
          assertFalse(admin.list().contains(heartbeats), "deleted by TERMINATE CLUSTER");
        }
        // Had a beat or the leaving tombstone been written after the deletion (including by the
        // shutdown that follows), the broker would have created the topic again.
        assertFalse(admin.list().contains(heartbeats), "created again after TERMINATE CLUSTER");
      }
    }
  }

  private static HttpRequest post(MillraceServer server, String path, String body) {
    return HttpRequest.newBuilder(server.uri().resolve(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }
}
