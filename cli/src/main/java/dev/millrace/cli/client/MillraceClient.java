package dev.millrace.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * A client of the ksqlDB-compatible REST API of a Millrace server: run statements ({@code POST
 * /ksql}), stream queries ({@code POST /query-stream}), close them ({@code POST /close-query}) and
 * ask who the server is ({@code GET /info}).
 *
 * <p>Responses are kept as Jackson trees so the shell can show whatever entity a server returns.
 * Thread-safe: a {@link QueryStream} may be closed from another thread while rows are read.
 */
public final class MillraceClient {

  static final String KSQL_JSON = "application/vnd.ksql.v1+json";
  static final String DELIMITED = "application/vnd.ksqlapi.delimited.v1";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final URI server;
  private final HttpClient http;
  private final ClientSecurity security;
  private final ObjectMapper json = new ObjectMapper();

  /** A client of the server at {@code server}, e.g. {@code http://localhost:8088}. */
  public MillraceClient(URI server) {
    this(server, ClientSecurity.NONE);
  }

  /** A client of a secured server: TLS trust of its own, a BASIC login. */
  public MillraceClient(URI server, ClientSecurity security) {
    String text = server.toString();
    this.server = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    this.security = security;
    // HTTP/1.1 keeps streamed query rows flowing as chunks on every server, with no h2c upgrade
    // dance.
    HttpClient.Builder http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT);
    security.tls().ifPresent(http::sslContext);
    this.http = http.build();
  }

  /** The server's base address, without a trailing slash. */
  public URI server() {
    return server;
  }

  /** {@code GET /info}: the server's version and identity. */
  public ServerInfo info() throws MillraceClientException {
    HttpRequest request = request("/info").header("Accept", KSQL_JSON).GET().build();
    JsonNode info = readJson(send(request, HttpResponse.BodyHandlers.ofString()));
    JsonNode details = info.path("KsqlServerInfo");
    return new ServerInfo(
        details.path("version").asText(""),
        details.path("kafkaClusterId").asText(""),
        details.path("ksqlServiceId").asText(""));
  }

  /**
   * {@code POST /ksql}: runs one or more statements (each ending with {@code ;}) and returns one
   * entity per statement, each an object with an {@code @type}.
   *
   * @throws ServerErrorException when the server rejects a statement; it carries the entities of
   *     the statements that ran before it
   */
  public List<JsonNode> execute(String ksql, Map<String, String> properties)
      throws MillraceClientException {
    return execute(ksql, properties, Map.of());
  }

  /**
   * {@code POST /ksql} as {@link #execute(String, Map)}, with {@code variables} sent as the
   * request's {@code sessionVariables}, for the server to substitute in {@code ${name}} references.
   */
  public List<JsonNode> execute(
      String ksql, Map<String, String> properties, Map<String, String> variables)
      throws MillraceClientException {
    ObjectNode body = json.createObjectNode().put("ksql", ksql);
    body.set("streamsProperties", json.valueToTree(properties));
    body.set("sessionVariables", json.valueToTree(variables));
    JsonNode entities =
        readJson(send(post("/ksql", body, KSQL_JSON), HttpResponse.BodyHandlers.ofString()));
    if (!entities.isArray()) {
      throw ErrorResponses.fromBody(json, 200, entities.toString());
    }
    List<JsonNode> result = new ArrayList<>();
    entities.forEach(result::add);
    return result;
  }

  /**
   * {@code POST /query-stream}: starts a push or pull query and returns once its header has
   * arrived. Read rows with {@link QueryStream#nextRow()}; {@link QueryStream#close()} cancels it.
   */
  public QueryStream query(String sql, Map<String, String> properties)
      throws MillraceClientException {
    return query(sql, properties, Map.of());
  }

  /** {@link #query(String, Map)} with {@code variables} sent as {@code sessionVariables}. */
  public QueryStream query(
      String sql, Map<String, String> properties, Map<String, String> variables)
      throws MillraceClientException {
    ObjectNode body = json.createObjectNode().put("sql", sql);
    body.set("properties", json.valueToTree(properties));
    body.set("sessionVariables", json.valueToTree(variables));
    HttpResponse<InputStream> response =
        send(post("/query-stream", body, DELIMITED), HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() >= 300) {
      throw ErrorResponses.fromBody(json, response.statusCode(), drain(response.body()));
    }
    return QueryStream.open(response.body(), json, this::closeQueryQuietly);
  }

  /**
   * PRINT through {@code POST /query-stream}: returns once the server has accepted it; read its
   * lines with {@link TopicLines#nextLine()}, and {@link TopicLines#close()} to stop it.
   */
  public TopicLines print(String sql, Map<String, String> properties, Map<String, String> variables)
      throws MillraceClientException {
    ObjectNode body = json.createObjectNode().put("sql", sql);
    body.set("properties", json.valueToTree(properties));
    body.set("sessionVariables", json.valueToTree(variables));
    HttpResponse<InputStream> response =
        send(post("/query-stream", body, DELIMITED), HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() >= 300) {
      throw ErrorResponses.fromBody(json, response.statusCode(), drain(response.body()));
    }
    return new TopicLines(response.body());
  }

  /** {@code POST /close-query}: asks the server to stop the push query with this id. */
  public void closeQuery(String queryId) throws MillraceClientException {
    ObjectNode body = json.createObjectNode().put("queryId", queryId);
    HttpRequest request =
        request("/close-query")
            .timeout(CLOSE_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw ErrorResponses.fromBody(json, response.statusCode(), response.body());
    }
  }

  private void closeQueryQuietly(String queryId) {
    try {
      closeQuery(queryId);
    } catch (MillraceClientException alreadyGone) {
      // The stream itself is already closed, which ends the query on the server too.
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path));
    security.authorization().ifPresent(login -> request.header("Authorization", login));
    return request;
  }

  private HttpRequest post(String path, JsonNode body, String accept) {
    return request(path)
        .header("Content-Type", "application/json")
        .header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
        .build();
  }

  private JsonNode readJson(HttpResponse<String> response) throws ServerErrorException {
    if (response.statusCode() >= 300) {
      throw ErrorResponses.fromBody(json, response.statusCode(), response.body());
    }
    try {
      return json.readTree(response.body());
    } catch (IOException notJson) {
      throw ErrorResponses.fromBody(json, response.statusCode(), response.body());
    }
  }

  private <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler)
      throws MillraceClientException {
    HttpResponse<T> response;
    try {
      response = http.send(request, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerUnreachableException(
          "Interrupted while waiting for the Millrace server at " + server, e);
    } catch (IOException e) {
      throw unreachable(e);
    }
    if (response.statusCode() == 401) {
      if (response.body() instanceof InputStream unread) {
        drain(unread);
      }
      throw new ServerErrorException(40100, loginRefused(), null, List.of());
    }
    return response;
  }

  private String loginRefused() {
    return security
        .user()
        .map(user -> "The server at " + server + " refused the login of user '" + user + "'.")
        .orElse("The server at " + server + " asks for a login: give --user and --password.");
  }

  private ServerUnreachableException unreachable(IOException e) {
    if (e instanceof SSLException) {
      return new ServerUnreachableException(
          "Could not connect securely to the Millrace server at "
              + server
              + ": "
              + reason(e)
              + " (a server certificate no public authority signed needs"
              + " ssl.truststore.location in --config-file)",
          e);
    }
    String reason = reason(e);
    String message =
        e instanceof ConnectException || reason.startsWith("unknown host")
            ? "Could not reach the Millrace server at " + server + ": " + reason
            : "Lost the connection to the Millrace server at " + server + ": " + reason;
    return new ServerUnreachableException(message, e);
  }

  private String reason(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return "connection timed out";
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "unknown host " + server.getHost();
      }
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String drain(InputStream body) {
    try (body) {
      return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
