package dev.millrace.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A ksqlDB REST client as a test needs one: statements through {@code POST /ksql}, queries through
 * {@code POST /query-stream} in the newline-delimited format. Every call is bounded in time, so a
 * server that never answers fails the test instead of hanging it.
 */
final class RestClient {

  static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  RestClient(URI base) {
    this.base = base;
  }

  /** What a request answered: the HTTP status and the body as JSON. */
  record Answer(int status, JsonNode body) {
    /** The body, after asserting the request succeeded. */
    JsonNode ok() {
      assertEquals(200, status, () -> "expected HTTP 200 but got " + status + ": " + body);
      return body;
    }
  }

  /** A query's result: the header line, then one array per row. */
  record QueryResult(JsonNode header, List<JsonNode> rows) {
    List<String> columnNames() {
      List<String> names = new ArrayList<>();
      header.get("columnNames").forEach(name -> names.add(name.asText()));
      return names;
    }
  }

  /** Runs {@code sql} (one or more statements) through {@code POST /ksql}. */
  Answer ksql(String sql, Map<String, String> properties) throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode().put("ksql", sql);
    body.set("streamsProperties", JSON.valueToTree(properties));
    HttpResponse<String> response =
        http.send(
            post("/ksql", body).header("Accept", "application/vnd.ksql.v1+json").build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }

  /** {@code GET path}: the status and the body as JSON. */
  Answer get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }

  /** {@link #ksql} after asserting it succeeded: one entity per statement. */
  JsonNode ksqlOk(String sql) throws IOException, InterruptedException {
    return ksql(sql, Map.of()).ok();
  }

  /**
   * Runs a query that ends by itself (a pull query, or a push query with a LIMIT) through {@code
   * POST /query-stream} and returns all it sent.
   */
  QueryResult query(String sql, Map<String, String> properties) throws Exception {
    CompletableFuture<HttpResponse<Stream<String>>> pending =
        http.sendAsync(queryRequest(sql, properties), HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> response = pending.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    CompletableFuture<QueryResult> read = CompletableFuture.supplyAsync(() -> readAll(response));
    try {
      return read.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException failed) {
      // What the reading found (NotReady, a failed query) is the caller's to see, unwrapped.
      if (failed.getCause() instanceof Error error) {
        throw error;
      }
      throw failed;
    } finally {
      response.body().close();
    }
  }

  /**
   * Sends a query that the server should refuse, and returns its answer (status and error body).
   */
  Answer queryStreamError(String sql) throws Exception {
    HttpResponse<String> response =
        http.sendAsync(queryRequest(sql, Map.of()), HttpResponse.BodyHandlers.ofString())
            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }

  /**
   * The server cannot answer the query yet (HTTP 503, e.g. a table's state is being restored):
   * retry it.
   */
  static final class NotReady extends AssertionError {
    private static final long serialVersionUID = 1L;

    NotReady(String message) {
      super(message);
    }
  }

  /** Sends {@code sql} to the older {@code POST /query} endpoint and returns its whole answer. */
  Answer queryEndpoint(String sql, Map<String, String> properties) throws Exception {
    ObjectNode body = JSON.createObjectNode().put("ksql", sql);
    body.set("streamsProperties", JSON.valueToTree(properties));
    HttpResponse<String> response =
        http.sendAsync(
                post("/query", body).header("Accept", "application/vnd.ksql.v1+json").build(),
                HttpResponse.BodyHandlers.ofString())
            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }

  private static QueryResult readAll(HttpResponse<Stream<String>> response) {
    try (Stream<String> body = response.body()) {
      Iterator<String> lines = body.filter(line -> !line.isBlank()).iterator();
      if (response.statusCode() != 200) {
        StringBuilder error = new StringBuilder();
        lines.forEachRemaining(error::append);
        String failure = "query failed with HTTP " + response.statusCode() + ": " + error;
        throw response.statusCode() == 503 ? new NotReady(failure) : new AssertionError(failure);
      }
      JsonNode header = JSON.readTree(lines.next());
      List<JsonNode> rows = new ArrayList<>();
      while (lines.hasNext()) {
        JsonNode row = JSON.readTree(lines.next());
        if (!row.isArray()) {
          throw new AssertionError("query failed after its header: " + row);
        }
        rows.add(row);
      }
      return new QueryResult(header, rows);
    } catch (IOException e) {
      throw new AssertionError("unreadable query response: " + e.getMessage(), e);
    }
  }

  private HttpRequest queryRequest(String sql, Map<String, String> properties) {
    ObjectNode body = JSON.createObjectNode().put("sql", sql);
    body.set("properties", JSON.valueToTree(properties));
    return post("/query-stream", body)
        .header("Accept", "application/vnd.ksqlapi.delimited.v1")
        .build();
  }

  private HttpRequest.Builder post(String path, JsonNode body) {
    return HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
  }
}
