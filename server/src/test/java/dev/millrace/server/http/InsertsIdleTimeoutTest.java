package dev.millrace.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.server.api.ApiJson;
import dev.millrace.server.api.ServerInfo;
import dev.millrace.server.offline.InMemoryBackend;
import dev.millrace.server.service.CommandSink;
import dev.millrace.server.service.MillraceEngine;
import dev.millrace.server.service.Session;
import dev.millrace.server.service.StatementEngine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An {@code /inserts-stream} client that sends rows and then nothing: the server ends its request
 * with a 408 error line once no row has come for the inserts idle timeout, instead of keeping a
 * thread waiting for ever; pauses shorter than that keep the stream open, even when they are longer
 * than the connection's idle timeout.
 */
class InsertsIdleTimeoutTest {
  private static final FunctionRegistry FUNCTIONS = FunctionRegistry.builtIns();

  private RestServer server;

  @BeforeEach
  void start() throws Exception {
    StatementEngine statements =
        new StatementEngine(
            new InMemoryBackend(FUNCTIONS), CommandSink.NONE, FUNCTIONS, Map.of(), true);
    statements.execute(
        statements
            .parse(
                "CREATE STREAM s (id INT KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON');")
            .get(0),
        Session.of(new HashMap<>(), Map.of()));
    server =
        new RestServer(
            new MillraceEngine(
                statements,
                new ServerInfo("0.1.0", "cluster", "default_", "RUNNING"),
                () -> true,
                List.of(),
                false),
            RestServer.Options.of("127.0.0.1", 0)
                .withIdleTimeout(Duration.ofMillis(1000))
                .withInsertsIdleTimeout(Duration.ofMillis(3000)));
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void anIdleInsertStreamIsEndedWithAnErrorAndItsRowsKeptAcknowledged() throws Exception {
    HttpResponse<String> warm =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(server.uri().resolve("/inserts-stream"))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/vnd.ksqlapi.delimited.v1")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"target\":\"s\"}\n{\"ID\":0}\n"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, warm.statusCode(), "rows sent at once need no patience");
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      out.write(
          ("POST /inserts-stream HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  + "Accept: application/vnd.ksqlapi.delimited.v1\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      chunk(out, "{\"target\":\"s\"}\n{\"ID\":1,\"V\":2}\n");
      // Rows 1.5 s apart: longer than the connection's idle timeout, shorter than the inserts one.
      for (int i = 0; i < 3; i++) {
        Thread.sleep(1500);
        chunk(out, "{\"ID\":1,\"V\":2}\n");
      }

      List<String> lines = body(in);
      assertEquals(
          List.of(
              "{\"status\":\"ok\",\"seq\":0}",
              "{\"status\":\"ok\",\"seq\":1}",
              "{\"status\":\"ok\",\"seq\":2}",
              "{\"status\":\"ok\",\"seq\":3}"),
          lines.subList(0, 4));
      JsonNode error = ApiJson.lenientMapper().readTree(lines.get(4));
      assertEquals("error", error.get("status").asText());
      assertEquals(4, error.get("seq").asLong());
      assertEquals(40800, error.get("error_code").asInt());
      assertEquals(
          "No row for 3000 ms: the insert stream is closed (millrace.http.inserts.idle.timeout.ms)",
          error.get("message").asText());
      assertEquals(5, lines.size(), lines.toString());
    }
  }

  private static void chunk(OutputStream out, String text) throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** The chunked response's lines, read until it ends. */
  private static List<String> body(BufferedReader in) throws Exception {
    String status = in.readLine();
    assertEquals("HTTP/1.1 200 OK", status);
    while (!in.readLine().isEmpty()) {
      // headers
    }
    StringBuilder body = new StringBuilder();
    while (true) {
      int size = Integer.parseInt(in.readLine().trim(), 16);
      if (size == 0) {
        break;
      }
      char[] data = new char[size];
      int read = 0;
      while (read < size) {
        read += in.read(data, read, size - read);
      }
      body.append(data);
      in.readLine();
    }
    return body.toString().lines().toList();
  }
}
