package dev.millrace.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.server.http.FakeEngine.LiveQuery;
import dev.millrace.server.service.QueryEnd;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /query-stream} over cleartext HTTP/2: by prior knowledge, as ksqlDB's Java client
 * connects, and by upgrade from HTTP/1.1, as the JDK's client does.
 */
class Http2Test {

  private static final String METADATA =
      "{\"queryId\":\"transient_PAGEVIEWS_1\","
          + "\"columnNames\":[\"PAGEID\",\"USERID\",\"VIEWTIME\"],"
          + "\"columnTypes\":[\"STRING\",\"STRING\",\"BIGINT\"]}";

  private TestServer server;
  private org.eclipse.jetty.client.HttpClient h2;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer();
    // Over http:// this transport speaks HTTP/2 from the first byte: prior knowledge.
    h2 =
        new org.eclipse.jetty.client.HttpClient(
            new HttpClientTransportOverHTTP2(new HTTP2Client()));
    h2.start();
  }

  @AfterEach
  void stop() throws Exception {
    h2.stop();
    server.close();
  }

  private Request post(String path, String body) {
    return h2.newRequest(server.uri(path))
        .method("POST")
        .headers(headers -> headers.put("Accept", "application/vnd.ksqlapi.delimited.v1"))
        .body(new StringRequestContent("application/json", body));
  }

  @Test
  void priorKnowledgeStreamsRowsAndCloseQueryEndsTheStream() throws Exception {
    InputStreamResponseListener listener = new InputStreamResponseListener();
    post("/query-stream", "{\"sql\": \"SELECT * FROM PAGEVIEWS EMIT CHANGES;\"}").send(listener);
    Response response = listener.get(10, TimeUnit.SECONDS);
    LiveQuery query = server.engine.nextQuery();
    BufferedReader body =
        new BufferedReader(
            new InputStreamReader(listener.getInputStream(), StandardCharsets.UTF_8));

    assertEquals(HttpVersion.HTTP_2, response.getVersion());
    assertEquals(200, response.getStatus());
    assertEquals(METADATA, body.readLine());
    query.row("home", "alice", 1L);
    assertEquals("[\"home\",\"alice\",1]", body.readLine());

    var closed = post("/close-query", "{\"queryId\": \"" + query.id + "\"}").send();

    assertEquals(200, closed.getStatus());
    assertEquals(HttpVersion.HTTP_2, closed.getVersion());
    assertEquals(null, body.readLine());
    assertTrue(query.isCancelled());
  }

  @Test
  void resetStreamCancelsAnIdleQuery() throws Exception {
    InputStreamResponseListener listener = new InputStreamResponseListener();
    Request request = post("/query-stream", "{\"sql\": \"SELECT * FROM PAGEVIEWS EMIT CHANGES;\"}");
    request.send(listener);
    listener.get(10, TimeUnit.SECONDS);
    LiveQuery query = server.engine.nextQuery();
    BufferedReader body =
        new BufferedReader(
            new InputStreamReader(listener.getInputStream(), StandardCharsets.UTF_8));
    assertEquals(METADATA, body.readLine());

    request.abort(new Exception("client went away"));

    assertTrue(query.awaitCancelled(), "the query was not cancelled");
    assertEquals(0, server.server.activeQueries());
  }

  @Test
  void pullQueryOverPriorKnowledge() throws Exception {
    InputStreamResponseListener listener = new InputStreamResponseListener();
    post("/query-stream", "{\"sql\": \"SELECT * FROM PAGEVIEWS WHERE PAGEID='home';\"}")
        .send(listener);
    LiveQuery query = server.engine.nextQuery();
    query.row("home", "alice", 1L);
    query.end(QueryEnd.COMPLETED);
    listener.get(10, TimeUnit.SECONDS);

    String body = new String(listener.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(METADATA + "\n[\"home\",\"alice\",1]\n", body);
  }

  @Test
  void upgradeFromHttp11() throws Exception {
    HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    HttpResponse<String> info =
        jdk.send(
            HttpRequest.newBuilder(server.uri("/info")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, info.statusCode());

    HttpResponse<java.util.stream.Stream<String>> response =
        jdk.send(
            HttpRequest.newBuilder(server.uri("/query-stream"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"sql\": \"SELECT * FROM PAGEVIEWS EMIT CHANGES LIMIT 1;\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    LiveQuery query = server.engine.nextQuery();
    var lines = response.body().iterator();

    assertEquals(HttpClient.Version.HTTP_2, response.version());
    assertEquals(METADATA, lines.next());
    query.row("home", "alice", 1L);
    query.end(QueryEnd.LIMIT_REACHED);
    assertEquals("[\"home\",\"alice\",1]", lines.next());
    assertFalse(lines.hasNext());
  }
}
