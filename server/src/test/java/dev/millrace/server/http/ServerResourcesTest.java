package dev.millrace.server.http;

import static dev.millrace.server.http.TestServer.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.server.api.CommandStatus;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /info}, {@code /healthcheck}, {@code /status} and {@code /clusterStatus}. */
class ServerResourcesTest {

  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void info() throws Exception {
    HttpResponse<String> response = server.get("/info");

    assertEquals(200, response.statusCode());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    assertJson(
        """
        {"KsqlServerInfo": {"version": "0.1.0", "kafkaClusterId": "cluster-1",
                            "ksqlServiceId": "default_", "serverStatus": "RUNNING"}}""",
        response.body());
  }

  @Test
  void infoInKsqlsOwnMediaTypeWhenAsked() throws Exception {
    HttpResponse<String> response =
        server.send(
            HttpRequest.newBuilder(server.uri("/info"))
                .header("Accept", "application/vnd.ksql.v1+json; q=0.9, application/json; q=0.5"));

    assertEquals(
        "application/vnd.ksql.v1+json",
        response.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void healthCheckIs200WhenHealthyAnd503Otherwise() throws Exception {
    HttpResponse<String> healthy = server.get("/healthcheck");
    assertEquals(200, healthy.statusCode());
    assertJson(
        """
        {"isHealthy": true, "details": {"metastore": {"isHealthy": true},
                                        "kafka": {"isHealthy": true}}}""",
        healthy.body());

    server.engine.healthy = false;
    HttpResponse<String> sick = server.get("/healthcheck");
    assertEquals(503, sick.statusCode());
    assertJson(
        """
        {"isHealthy": false, "details": {"metastore": {"isHealthy": true},
                                         "kafka": {"isHealthy": false}}}""",
        sick.body());
  }

  @Test
  void statusOfAllCommandsAndOfOneWithSlashesInItsId() throws Exception {
    server.engine.commands.put("stream/PAGEVIEWS/create", CommandStatus.success("Stream created"));
    server.engine.commands.put(
        "table/COUNTS/create",
        new CommandStatus(CommandStatus.Status.EXECUTING, "Executing statement", null));

    assertJson(
        """
        {"commandStatuses": {"stream/PAGEVIEWS/create": "SUCCESS",
                             "table/COUNTS/create": "EXECUTING"}}""",
        server.get("/status").body());
    HttpResponse<String> one = server.get("/status/stream/PAGEVIEWS/create");
    assertEquals(200, one.statusCode());
    assertJson(
        """
        {"status": "SUCCESS", "message": "Stream created", "queryId": null}""",
        one.body());
  }

  @Test
  void statusOfACommandWhoseIdIsUrlEncoded() throws Exception {
    server.engine.commands.put(
        "stream/`PAGEVIEWS`/create", CommandStatus.success("Stream created"));

    HttpResponse<String> encoded = server.get("/status/stream%2F%60PAGEVIEWS%60%2Fcreate");
    assertEquals(200, encoded.statusCode(), encoded.body());
    assertJson(
        """
        {"status": "SUCCESS", "message": "Stream created", "queryId": null}""",
        encoded.body());
    assertEquals(200, server.get("/status/stream/%60PAGEVIEWS%60/create").statusCode());
    assertEquals(404, server.get("/status/stream%2F%60OTHER%60%2Fcreate").statusCode());
  }

  @Test
  void clusterStatusListsThisServer() throws Exception {
    HttpResponse<String> response = server.get("/clusterStatus");

    assertEquals(200, response.statusCode());
    JsonNode hosts = server.tree(response.body()).get("clusterStatus");
    assertEquals(1, hosts.size());
    JsonNode self = hosts.get("127.0.0.1:" + server.server.port());
    assertTrue(self.get("hostAlive").asBoolean());
    assertTrue(self.get("lastStatusUpdateMs").asLong() > 0);
    assertEquals(0, self.get("activeStandbyPerQuery").size());
    assertEquals(0, self.get("hostStoreLags").get("stateStoreLags").size());
  }
}
