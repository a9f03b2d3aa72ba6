package dev.millrace.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.millrace.server.MillraceServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /inserts-stream} on a real server and its embedded broker: rows are written in the
 * target's own formats (a persistent query reading the stream sees them), acknowledged one by one
 * while the request still streams, over HTTP/1.1 and HTTP/2; the first bad row is answered with an
 * error for its sequence number and ends the stream, as in ksqlDB.
 */
class InsertsStreamE2eTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;

  private static MillraceServer server;
  private static RestClient client;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void startServer() throws Exception {
    server = E2eServers.start(dataDir);
    client = new RestClient(server.uri());
    client.ksqlOk(
        """
        CREATE STREAM orders (id STRING KEY, amount INT, note STRING)
          WITH (KAFKA_TOPIC='orders', KEY_FORMAT='KAFKA', VALUE_FORMAT='DELIMITED', PARTITIONS=1);
        CREATE STREAM big_orders AS SELECT id, amount * 2 AS doubled FROM orders WHERE amount > 10;
        CREATE TABLE users (id INT PRIMARY KEY, name STRING)
          WITH (KAFKA_TOPIC='users', KEY_FORMAT='JSON', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE STREAM scratch (id STRING KEY, v INT)
          WITH (KAFKA_TOPIC='scratch', VALUE_FORMAT='JSON', PARTITIONS=1);
        """);
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void rowsAreAckedInOrderAndReachPersistentQueries() throws Exception {
    // The last row has no newline after it, and the target line carries the extra fields
    // ksqlDB's Java client sends.
    HttpResponse<String> response =
        post(
            """
            {"target":"orders","properties":{},"requestProperties":{},"sessionVariables":{}}
            {"ID":"a","AMOUNT":5,"NOTE":"small"}
            {"id":"b","amount":"20","note":"big, with a comma"}
            {"ID":"c","AMOUNT":30}""");

    assertEquals(200, response.statusCode(), response.body());
    assertEquals(
        List.of(
            "{\"status\":\"ok\",\"seq\":0}",
            "{\"status\":\"ok\",\"seq\":1}",
            "{\"status\":\"ok\",\"seq\":2}"),
        response.body().lines().toList());
    RestClient.QueryResult big =
        client.query(
            "SELECT * FROM big_orders EMIT CHANGES LIMIT 2;",
            Map.of("auto.offset.reset", "earliest"));
    assertEquals("[[\"b\",40],[\"c\",60]]", big.rows().toString().replace(" ", ""));
    RestClient.QueryResult all =
        client.query(
            "SELECT id, note FROM orders EMIT CHANGES LIMIT 3;",
            Map.of("auto.offset.reset", "earliest"));
    assertEquals(
        "[[\"a\",\"small\"],[\"b\",\"big,withacomma\"],[\"c\",null]]",
        all.rows().toString().replace(" ", ""));
  }

  @Test
  void theFirstBadRowIsAnsweredWithItsSequenceNumberAndEndsTheStream() throws Exception {
    HttpResponse<String> response =
        post(
            """
            {"target":"scratch"}
            {"ID":"x","V":1}
            {"ID":"y","V":"not a number"}
            {"ID":"z","V":3}
            """);

    assertEquals(200, response.statusCode());
    List<String> lines = response.body().lines().toList();
    assertEquals(2, lines.size(), response.body());
    assertEquals("{\"status\":\"ok\",\"seq\":0}", lines.get(0));
    JsonNode error = JSON.readTree(lines.get(1));
    assertEquals("error", error.get("status").asText());
    assertEquals(1, error.get("seq").asLong());
    assertEquals(40000, error.get("error_code").asInt());
    assertEquals(
        "Failed to deserialize column V: not a valid INTEGER", error.get("message").asText());
  }

  @Test
  void invalidJsonRowIsAnError() throws Exception {
    HttpResponse<String> response = post("{\"target\":\"scratch\"}\n{\"ID\": \n");

    JsonNode error = JSON.readTree(response.body().lines().toList().get(0));
    assertEquals(0, error.get("seq").asLong());
    assertEquals(40000, error.get("error_code").asInt());
  }

  @Test
  void aRowLongerThanTheBodyLimitIsRefusedWithoutBeingHeldWhole() throws Exception {
    String huge = "x".repeat(1024 * 1024 + 1);
    HttpResponse<String> response =
        post("{\"target\":\"scratch\"}\n{\"ID\":\"" + huge + "\",\"V\":1}\n");

    JsonNode error = JSON.readTree(response.body().lines().toList().get(0));
    assertEquals(0, error.get("seq").asLong());
    assertEquals(41300, error.get("error_code").asInt());
    assertEquals(
        "A line of the request body is longer than 1048576 bytes", error.get("message").asText());
  }

  @Test
  void aTableRowNeedsItsPrimaryKey() throws Exception {
    HttpResponse<String> response =
        post("{\"target\":\"users\"}\n{\"ID\":1,\"NAME\":\"ann\"}\n{\"NAME\":\"bob\"}\n");

    List<String> lines = response.body().lines().toList();
    assertEquals("{\"status\":\"ok\",\"seq\":0}", lines.get(0));
    assertEquals(
        "Failed to insert values into 'USERS'. Value for primary key column(s) ID is required"
            + " for tables",
        JSON.readTree(lines.get(1)).get("message").asText());
  }

  @Test
  void anUnknownTargetIsRefusedBeforeAnyRow() throws Exception {
    HttpResponse<String> response = post("{\"target\":\"ordrs\"}\n{\"ID\":\"a\"}\n");

    assertEquals(400, response.statusCode());
    JsonNode error = JSON.readTree(response.body());
    assertEquals(40001, error.get("error_code").asInt());
    assertEquals(
        "Cannot insert values into an unknown stream/table: ORDRS Did you mean 'ORDERS'?",
        error.get("message").asText());
  }

  @Test
  void aQuotedTargetKeepsItsCase() throws Exception {
    HttpResponse<String> response = post("{\"target\":\"\\\"scratch\\\"\"}\n");

    assertEquals(400, response.statusCode());
    assertEquals(40001, JSON.readTree(response.body()).get("error_code").asInt(), response.body());
  }

  @Test
  void eachRowIsAckedWhileTheRequestStillStreams() throws Exception {
    URI uri = server.uri();
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(30));
      OutputStream out = socket.getOutputStream();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      out.write(
          ("POST /inserts-stream HTTP/1.1\r\nHost: localhost\r\n"
                  + "Content-Type: application/vnd.ksqlapi.delimited.v1\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      chunk(out, "{\"target\":\"scratch\"}\n");
      chunk(out, "{\"ID\":\"s1\",\"V\":1}\n");
      assertEquals("HTTP/1.1 200 OK", in.readLine());
      String line;
      while (!(line = in.readLine()).isEmpty()) {
        // headers
      }
      assertEquals("{\"status\":\"ok\",\"seq\":0}", chunkedLine(in));
      chunk(out, "{\"ID\":\"s2\",\"V\":2}\n");
      assertEquals("{\"status\":\"ok\",\"seq\":1}", chunkedLine(in));
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String end = in.readLine();
      while (end.isEmpty()) {
        end = in.readLine();
      }
      assertEquals("0", end, "the last chunk");
    }
  }

  @Test
  void rowsOverHttp2() throws Exception {
    org.eclipse.jetty.client.HttpClient h2 =
        new org.eclipse.jetty.client.HttpClient(
            new HttpClientTransportOverHTTP2(new HTTP2Client()));
    h2.start();
    try {
      ContentResponse response =
          h2.newRequest(server.uri().resolve("/inserts-stream"))
              .method("POST")
              .body(
                  new StringRequestContent(
                      "application/json",
                      "{\"target\":\"scratch\"}\n{\"ID\":\"h\",\"V\":7}\n{\"ID\":\"i\",\"V\":8}"))
              .headers(headers -> headers.put("Accept", "application/json"))
              .timeout(30, TimeUnit.SECONDS)
              .send();

      assertEquals(200, response.getStatus());
      assertEquals("HTTP/2.0", response.getVersion().asString());
      assertEquals(
          "[{\"status\":\"ok\",\"seq\":0},{\"status\":\"ok\",\"seq\":1}]",
          response.getContentAsString());
    } finally {
      h2.stop();
    }
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(server.uri().resolve("/inserts-stream"))
            .header("Content-Type", "application/vnd.ksqlapi.delimited.v1")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .timeout(RestClient.TIMEOUT)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void chunk(OutputStream out, String text) throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /**
   * The text of the next chunk of a chunked response body, which holds one line: skips the end of
   * the chunk before and the chunk's size line.
   */
  private static String chunkedLine(BufferedReader in) throws Exception {
    String size = in.readLine();
    while (size.isEmpty()) {
      size = in.readLine();
    }
    return in.readLine();
  }
}
