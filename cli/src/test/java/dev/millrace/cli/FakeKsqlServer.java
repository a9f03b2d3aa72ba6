package dev.millrace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a Millrace server in tests: a real HTTP server on loopback that answers the
 * ksqlDB-shaped REST endpoints with canned responses and records every request it receives.
 */
public final class FakeKsqlServer implements AutoCloseable {

  /** A canned reply: HTTP status and body. */
  public record Reply(int status, String body) {}

  /**
   * A canned {@code /query-stream} reply: the lines to stream, and whether to keep the stream open
   * afterwards until the query is closed (a push query without LIMIT).
   */
  public record QueryReply(int status, List<String> lines, boolean holdOpen) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Reply UNKNOWN =
      new Reply(
          400,
          "{\"@type\":\"statement_error\",\"error_code\":40001,\"message\":\"unexpected statement\",\"entities\":[]}");

  private final HttpServer http;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, Reply> ksqlReplies = new ConcurrentHashMap<>();
  private final Map<String, QueryReply> queryReplies = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> openQueries = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Reply info =
      new Reply(
          200,
          "{\"KsqlServerInfo\":{\"version\":\"0.1.0\",\"kafkaClusterId\":\"cluster-1\",\"ksqlServiceId\":\"millrace_\"}}");

  /** A request as received: path and JSON body (a missing node for GET). */
  public record Request(String path, JsonNode body) {}

  private FakeKsqlServer() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.setExecutor(threads);
    http.createContext(
        "/info",
        exchange -> {
          record(exchange);
          reply(exchange, info);
        });
    http.createContext(
        "/ksql",
        exchange -> {
          JsonNode body = record(exchange);
          reply(exchange, ksqlReplies.getOrDefault(body.path("ksql").asText(), UNKNOWN));
        });
    http.createContext("/query-stream", this::query);
    http.createContext(
        "/close-query",
        exchange -> {
          JsonNode body = record(exchange);
          CountDownLatch open = openQueries.get(body.path("queryId").asText());
          if (open != null) {
            open.countDown();
          }
          reply(exchange, new Reply(200, ""));
        });
    http.start();
  }

  /** Starts a server on a free loopback port. */
  public static FakeKsqlServer start() throws IOException {
    return new FakeKsqlServer();
  }

  /** The server's base address. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  /** Answers {@code POST /ksql} requests whose {@code ksql} field is exactly {@code ksql}. */
  public FakeKsqlServer onKsql(String ksql, int status, String body) {
    ksqlReplies.put(ksql, new Reply(status, body));
    return this;
  }

  /** Answers {@code POST /query-stream} requests whose {@code sql} field is exactly {@code sql}. */
  public FakeKsqlServer onQuery(String sql, QueryReply reply) {
    queryReplies.put(sql, reply);
    return this;
  }

  /** Answers {@code GET /info} with this reply. */
  public FakeKsqlServer onInfo(int status, String body) {
    info = new Reply(status, body);
    return this;
  }

  /** Every request received so far, in order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Bodies of the requests received on {@code path}. */
  public List<JsonNode> bodies(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).map(Request::body).toList();
  }

  @Override
  public void close() {
    openQueries.values().forEach(CountDownLatch::countDown);
    http.stop(0);
    threads.shutdownNow();
  }

  private void query(HttpExchange exchange) throws IOException {
    JsonNode body = record(exchange);
    QueryReply reply = queryReplies.get(body.path("sql").asText());
    if (reply == null) {
      reply(exchange, UNKNOWN);
      return;
    }
    CountDownLatch open = new CountDownLatch(1);
    String queryId =
        reply.lines().isEmpty() ? "" : JSON.readTree(reply.lines().get(0)).path("queryId").asText();
    openQueries.put(queryId, open);
    exchange.getResponseHeaders().set("Content-Type", "application/vnd.ksqlapi.delimited.v1");
    exchange.sendResponseHeaders(reply.status(), 0);
    try (OutputStream out = exchange.getResponseBody()) {
      for (String line : reply.lines()) {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      if (reply.holdOpen()) {
        open.await(60, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException clientWentAway) {
      // The client closed the stream: that is how a query may end.
    }
  }

  private JsonNode record(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readAllBytes();
    JsonNode body = bytes.length == 0 ? JSON.missingNode() : JSON.readTree(bytes);
    requests.add(new Request(exchange.getRequestURI().getPath(), body));
    return body;
  }

  private static void reply(HttpExchange exchange, Reply reply) throws IOException {
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
