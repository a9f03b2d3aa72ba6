package dev.millrace.server.http;

import static dev.millrace.server.http.TestServer.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.server.api.CommandStatus;
import dev.millrace.server.service.QueryMetrics;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /info}, {@code /healthcheck}, {@code /metrics}, {@code /status} and {@code
 * /clusterStatus}.
 */
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
  void metricsInPrometheusTextFormat() throws Exception {
    server.engine.metrics.add(
        new QueryMetrics("CSAS_PEARS_0", "RUNNING", 12, 3, 1, 40, 4096, List.of(), Map.of()));
    server.engine.metrics.add(
        new QueryMetrics("CTAS_COUNTS_1", "ERROR", 7, 0, 0, 0, 0, List.of(), Map.of()));

    HttpResponse<String> response = server.get("/metrics");

    assertEquals(200, response.statusCode());
    assertEquals(
        "text/plain; version=0.0.4; charset=utf-8",
        response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        """
        # HELP millrace_query_records_in_total Input records the query has processed.
        # TYPE millrace_query_records_in_total counter
        millrace_query_records_in_total{query_id="CSAS_PEARS_0"} 12
        millrace_query_records_in_total{query_id="CTAS_COUNTS_1"} 7
        # HELP millrace_query_records_out_total Records the query has written to its sink topic.
        # TYPE millrace_query_records_out_total counter
        millrace_query_records_out_total{query_id="CSAS_PEARS_0"} 3
        millrace_query_records_out_total{query_id="CTAS_COUNTS_1"} 0
        # HELP millrace_query_processing_errors_total Records the query skipped or partly failed, reported to the processing log.
        # TYPE millrace_query_processing_errors_total counter
        millrace_query_processing_errors_total{query_id="CSAS_PEARS_0"} 1
        millrace_query_processing_errors_total{query_id="CTAS_COUNTS_1"} 0
        # HELP millrace_query_consumer_lag_records Records on the broker the query has not fetched yet, over its partitions.
        # TYPE millrace_query_consumer_lag_records gauge
        millrace_query_consumer_lag_records{query_id="CSAS_PEARS_0"} 40
        millrace_query_consumer_lag_records{query_id="CTAS_COUNTS_1"} 0
        # HELP millrace_query_state_bytes Bytes the query's local state (RocksDB) takes on disk.
        # TYPE millrace_query_state_bytes gauge
        millrace_query_state_bytes{query_id="CSAS_PEARS_0"} 4096
        millrace_query_state_bytes{query_id="CTAS_COUNTS_1"} 0
        # HELP millrace_query_state 1 for the state the query is in: RUNNING, ERROR or NOT_RUNNING.
        # TYPE millrace_query_state gauge
        millrace_query_state{query_id="CSAS_PEARS_0",state="RUNNING"} 1
        millrace_query_state{query_id="CTAS_COUNTS_1",state="ERROR"} 1
        """,
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
