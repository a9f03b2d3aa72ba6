package dev.millrace.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Clients that send too much, stop sending, or send too slowly are answered with a 4xx in ksqlDB's
 * error shape, not held until a 30-second idle timeout and not answered 500. Requests go over raw
 * sockets so bodies can stall or end early. Every wait is bounded by a socket timeout far above the
 * server's limits; no test measures how long the server took.
 */
class RequestLimitsTest {

  private static final int MAX_BODY = 1024;
  private static final String HEAD =
      "POST /ksql HTTP/1.1\r\nHost: localhost\r\n" + "Content-Type: application/json\r\n";

  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server =
        new TestServer(
            RestServer.Options.of("127.0.0.1", 0)
                .withKeepAlive(Duration.ofHours(1))
                .withRequestLimits(MAX_BODY, Duration.ofMillis(300), Duration.ofMillis(500)));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** What the client sends, whether it then half-closes; the status, code and message. */
  static Stream<Arguments> requests() {
    String stalled = "Request body stalled: nothing arrived for 300 ms before it was complete";
    String tooLarge = "Request body is larger than 1024 bytes";
    return Stream.of(
        Arguments.of(
            "a body that stops before its Content-Length",
            HEAD + "Content-Length: 100\r\n\r\n{\"ksql\": ",
            false,
            408,
            40800,
            stalled),
        Arguments.of(
            "a chunked body that stops before its last chunk",
            HEAD + "Transfer-Encoding: chunked\r\n\r\n9\r\n{\"ksql\": \r\n",
            false,
            408,
            40800,
            stalled),
        Arguments.of(
            "a body cut short by the client closing its side",
            HEAD + "Content-Length: 100\r\n\r\n{\"ksql\": ",
            true,
            408,
            40800,
            "Request body ended before it was complete"),
        Arguments.of(
            "a Content-Length over the limit",
            HEAD + "Content-Length: 1025\r\n\r\n",
            false,
            413,
            41300,
            tooLarge),
        Arguments.of(
            "a chunked body that grows over the limit",
            HEAD
                + "Transfer-Encoding: chunked\r\n\r\n"
                + "200\r\n"
                + " ".repeat(512)
                + "\r\n"
                + "200\r\n"
                + " ".repeat(512)
                + "\r\n"
                + "1\r\n \r\n0\r\n\r\n",
            false,
            413,
            41300,
            tooLarge),
        Arguments.of(
            "request headers that never end",
            HEAD + "X-Slow: ",
            false,
            408,
            40800,
            "Request headers were not received within 500 ms"),
        Arguments.of(
            "a body at the limit is read",
            HEAD
                + "Content-Length: 1024\r\n\r\n{\"ksql\": \"SHOW STREAMS;\""
                + " ".repeat(999)
                + "}",
            false,
            200,
            0,
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void answersWithTheLimitPassed(
      String what, String request, boolean halfClose, int status, int errorCode, String message)
      throws Exception {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      if (halfClose) {
        socket.shutdownOutput();
      }
      Reply reply = Reply.read(socket.getInputStream());

      assertEquals(status, reply.status(), reply.body());
      if (errorCode != 0) {
        JsonNode error = server.tree(reply.body());
        assertEquals(errorCode, error.path("error_code").asInt(), reply.body());
        assertEquals(message, error.path("message").asText(), reply.body());
      }
    }
  }

  /** A slowloris: one header byte at a time, each well within the connection idle timeout. */
  @Test
  void aClientTricklingItsHeadersIsCutOff() throws Exception {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      Thread trickle =
          new Thread(
              () -> {
                try {
                  out.write(HEAD.getBytes(StandardCharsets.US_ASCII));
                  for (int i = 0; i < 1_000; i++) {
                    out.write('X');
                    out.flush();
                    Thread.sleep(20);
                  }
                } catch (IOException | InterruptedException closedByTheServer) {
                  // the expected end: the server hung up
                }
              });
      trickle.start();
      Reply reply = Reply.read(socket.getInputStream());
      trickle.interrupt();
      trickle.join();

      assertEquals(408, reply.status(), reply.body());
      assertEquals(40800, server.tree(reply.body()).path("error_code").asInt());
    }
  }

  /** ksqlDB's clients send fields Millrace has no use for; every endpoint ignores them alike. */
  @Test
  void unknownBodyFieldsAreIgnoredOnEveryEndpoint() throws Exception {
    HttpResponse<String> ksql =
        server.send(
            server.post(
                "/ksql",
                "{\"ksql\": \"SHOW STREAMS;\", \"streamsProperties\": {}, \"sessionId\": 7}"));
    HttpResponse<String> query =
        server.send(
            server.post(
                "/query",
                "{\"ksql\": \"SELECT * FROM MISSING;\", \"unknown\": [1, {\"a\": null}]}"));
    HttpResponse<String> queryStream =
        server.send(
            server.post(
                "/query-stream",
                "{\"sql\": \"SELECT * FROM MISSING;\", \"properties\": {}, \"clientId\": \"x\"}"));
    HttpResponse<String> close =
        server.send(server.post("/close-query", "{\"queryId\": \"nope\", \"reason\": \"done\"}"));

    assertEquals(200, ksql.statusCode(), ksql.body());
    assertEquals("Unknown source 'MISSING'", message(query).substring("line 1:15: ".length()));
    assertEquals(
        "Unknown source 'MISSING'", message(queryStream).substring("line 1:15: ".length()));
    assertEquals("No query with id nope", message(close));
  }

  private static String message(HttpResponse<String> response) throws IOException {
    assertEquals(400, response.statusCode(), response.body());
    return server.tree(response.body()).path("message").asText();
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.server.port());
    // An upper bound on every wait, far above the limits under test.
    socket.setSoTimeout(15_000);
    return socket;
  }

  /** The status line and body of one HTTP/1.1 response with a Content-Length. */
  private record Reply(int status, String body) {

    static Reply read(InputStream in) throws IOException {
      String head = readHead(in);
      int status = Integer.parseInt(head.substring(9, 12));
      int length =
          head.lines()
              .filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
              .map(line -> Integer.parseInt(line.substring(15).trim()))
              .findFirst()
              .orElse(0);
      return new Reply(status, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private static String readHead(InputStream in) throws IOException {
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int next = in.read();
        if (next < 0) {
          throw new IOException("connection closed after: " + head);
        }
        head.append((char) next);
      }
      return head.toString();
    }
  }
}
