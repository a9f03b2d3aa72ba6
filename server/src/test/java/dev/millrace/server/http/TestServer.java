package dev.millrace.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.millrace.server.api.ApiJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real {@link RestServer} on a free loopback port around a {@link FakeEngine}. */
final class TestServer implements AutoCloseable {

  private static final ObjectMapper JSON = ApiJson.lenientMapper();

  final FakeEngine engine = new FakeEngine();
  final RestServer server;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** A server whose idle streams stay silent for the whole test. */
  TestServer() throws Exception {
    this(Duration.ofHours(1));
  }

  /** A server whose idle push-query streams write a newline every {@code keepAlive}. */
  TestServer(Duration keepAlive) throws Exception {
    this(RestServer.Options.of("127.0.0.1", 0).withKeepAlive(keepAlive));
  }

  TestServer(RestServer.Options options) throws Exception {
    server = new RestServer(engine, options);
    server.start();
  }

  URI uri(String path) {
    return server.uri().resolve(path);
  }

  /** A POST of {@code body} as ksqlDB's shell sends it. */
  HttpRequest.Builder post(String path, String body) {
    return HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/vnd.ksql.v1+json")
        .header("Accept", "application/vnd.ksql.v1+json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** Asserts two JSON texts are the same value: same fields, same values, same array order. */
  static void assertJson(String expected, String actual) throws IOException {
    JsonNode expectedTree = JSON.readTree(expected);
    JsonNode actualTree = JSON.readTree(actual);
    assertEquals(expectedTree, actualTree, () -> "expected " + expected + "\nbut got " + actual);
  }

  /** {@code value} as the server writes it. */
  String json(Object value) throws IOException {
    return ApiJson.mapper().writeValueAsString(value);
  }

  JsonNode tree(String json) throws IOException {
    return JSON.readTree(json);
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
