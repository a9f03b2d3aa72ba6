package dev.millrace.server.http;

import static dev.millrace.server.http.TestServer.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad request gets a 4xx with ksqlDB's error shape and a message that says what to
 * fix: never a 500, never HTML, never a stack trace.
 */
class BadRequestTest {

  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** Method, path, content type, accept, body; then status, error code, message. */
  static Stream<Arguments> badRequests() {
    String json = "application/json";
    return Stream.of(
        Arguments.of(
            "POST",
            "/ksql",
            json,
            json,
            "{\"ksql\": \"SHOW STREAMS;\"",
            400,
            40000,
            "Invalid JSON in request body at line 1, column 25: Unexpected "
                + "end-of-input: expected close marker for Object"),
        Arguments.of(
            "POST",
            "/ksql",
            json,
            json,
            "{\"ksql\": \"SHOW STREAMS;\"} trailing",
            400,
            40000,
            "Invalid JSON in request body at line 1, column 35: Unrecognized token "
                + "'trailing': was expecting (JSON String, Number, Array, Object or token "
                + "'null', 'true' or 'false')"),
        Arguments.of(
            "POST",
            "/ksql",
            json,
            json,
            "{\"ksql\": \"SHOW STREAMS;\"} {}",
            400,
            40000,
            "Request body has content after the JSON object at line 1, column 27"),
        Arguments.of(
            "POST", "/ksql", json, json, "{}", 400, 40000, "Missing field 'ksql' in request body"),
        Arguments.of(
            "POST",
            "/ksql",
            json,
            json,
            "{\"ksql\": \"  \"}",
            400,
            40000,
            "Missing field 'ksql' in request body"),
        Arguments.of(
            "POST",
            "/ksql",
            json,
            json,
            "{\"ksql\": 5}",
            400,
            40000,
            "Field 'ksql' in request body has the wrong type"),
        Arguments.of(
            "POST",
            "/ksql",
            json,
            json,
            "{\"ksql\": \"x;\", \"streamsProperties\": 1}",
            400,
            40000,
            "Field 'streamsProperties' in request body has the wrong type"),
        Arguments.of(
            "POST",
            "/ksql",
            json,
            json,
            "[\"SHOW STREAMS;\"]",
            400,
            40000,
            "Request body must be a JSON object"),
        Arguments.of(
            "POST", "/ksql", json, json, "null", 400, 40000, "Request body must be a JSON object"),
        Arguments.of(
            "POST",
            "/ksql",
            json,
            json,
            "",
            400,
            40000,
            "Request body is empty; expected a JSON object"),
        Arguments.of(
            "POST",
            "/ksql",
            "text/plain",
            json,
            "{\"ksql\": \"SHOW STREAMS;\"}",
            415,
            41500,
            "Unsupported content type 'text/plain'; send JSON as "
                + "application/vnd.ksql.v1+json or application/json"),
        Arguments.of(
            "POST",
            "/ksql",
            json,
            "text/html",
            "{\"ksql\": \"SHOW STREAMS;\"}",
            406,
            40600,
            "Cannot respond with any type in Accept 'text/html'; this resource "
                + "produces application/json, application/vnd.ksql.v1+json"),
        Arguments.of(
            "GET",
            "/ksql",
            json,
            json,
            null,
            405,
            40500,
            "Method GET is not allowed on /ksql; use POST"),
        Arguments.of(
            "POST",
            "/info",
            json,
            json,
            "{}",
            405,
            40500,
            "Method POST is not allowed on /info; use GET"),
        Arguments.of(
            "POST",
            "/no-such-thing",
            json,
            json,
            "{}",
            404,
            40400,
            "Path not found: /no-such-thing"),
        Arguments.of(
            "POST",
            "/query",
            json,
            json,
            "{\"streamsProperties\": {}}",
            400,
            40000,
            "Missing field 'ksql' in request body"),
        Arguments.of(
            "POST",
            "/query-stream",
            json,
            json,
            "{\"ksql\": \"SELECT 1;\"}",
            400,
            40000,
            "Missing field 'sql' in request body"),
        Arguments.of(
            "POST",
            "/query-stream",
            json,
            "text/csv",
            "{\"sql\": \"SELECT 1;\"}",
            406,
            40600,
            "Cannot respond with any type in Accept 'text/csv'; this resource "
                + "produces application/vnd.ksqlapi.delimited.v1, application/json, "
                + "application/vnd.ksql.v1+json"),
        Arguments.of(
            "POST",
            "/close-query",
            json,
            json,
            "{}",
            400,
            40000,
            "Missing field 'queryId' in request body"),
        Arguments.of(
            "POST",
            "/close-query",
            json,
            json,
            "{\"queryId\": \"nope\"}",
            400,
            40000,
            "No query with id nope"),
        Arguments.of(
            "GET",
            "/status/stream/NOPE/create",
            json,
            json,
            null,
            404,
            40400,
            "Command not found: stream/NOPE/create"));
  }

  @ParameterizedTest(name = "{0} {1} {4} -> {5}")
  @MethodSource("badRequests")
  void rejectsWithKsqlDbErrorShape(
      String method,
      String path,
      String contentType,
      String accept,
      String body,
      int status,
      int errorCode,
      String message)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri(path))
            .header("Content-Type", contentType)
            .header("Accept", accept)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = server.send(request);

    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    assertJson(
        server.json(new dev.millrace.server.api.GenericErrorMessage(errorCode, message)),
        response.body());
  }

  @Test
  void unparsableHttpGetsJsonToo() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET /info HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertEquals("HTTP/1.1 400 Bad Request", reply.lines().findFirst().orElseThrow());
      String body = reply.substring(reply.indexOf("\r\n\r\n") + 4);
      assertFalse(body.contains("<html"), body);
      assertEquals(40000, server.tree(body).get("error_code").asInt(), body);
    }
  }
}
