package dev.millrace.server.service;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a pull query to the servers of the service that own the partitions of a table this server
 * does not hold, as {@code POST /query} with the partitions to read in a request property, and
 * gathers the rows they answer. A server receiving such a request reads only those partitions of
 * its own state and forwards nothing.
 */
public final class PullForwarding {
  /** The request property naming the partitions a forwarded pull query reads: {@code "1,3"}. */
  public static final String PARTITIONS_PROPERTY = "millrace.internal.pull.partitions";

  private static final Logger LOG = LoggerFactory.getLogger(PullForwarding.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ClusterMembers members;
  private final HttpClient http;

  /**
   * Forwarding to the {@code members} through {@code http}, a client that reaches them as their
   * listeners require (TLS, client certificates).
   */
  public PullForwarding(ClusterMembers members, HttpClient http) {
    this.members = members;
    this.http = http;
  }

  /** The servers of the service, as their heartbeats tell. */
  public ClusterMembers members() {
    return members;
  }

  /** The partitions a forwarded request asks for, if the request is a forwarded one. */
  static Optional<SortedSet<Integer>> requested(Map<String, Object> properties) {
    Object value = properties.get(PARTITIONS_PROPERTY);
    if (value == null) {
      return Optional.empty();
    }
    SortedSet<Integer> partitions = new java.util.TreeSet<>();
    for (String part : value.toString().split(",")) {
      if (!part.isBlank()) {
        partitions.add(Integer.parseInt(part.trim()));
      }
    }
    return Optional.of(partitions);
  }

  /**
   * The rows (as their owners framed them) of the pull query {@code sql} over the given partitions
   * of the query's table, asked of their owners; empty when a partition has no live owner or an
   * owner did not answer, so the caller answers as a lone server would. The owners are asked with
   * the caller's {@code Authorization} header, so they let in exactly whom this server let in.
   */
  Optional<List<List<Object>>> rows(
      String queryId,
      String sql,
      Map<String, Object> properties,
      Optional<String> authorization,
      SortedSet<Integer> partitions) {
    Optional<SortedMap<String, SortedSet<Integer>>> owners = members.owners(queryId, partitions);
    if (owners.isEmpty()) {
      return Optional.empty();
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Map.Entry<String, SortedSet<Integer>> owner : owners.get().entrySet()) {
      Optional<List<List<Object>>> answered =
          ask(owner.getKey(), sql, properties, authorization, owner.getValue());
      if (answered.isEmpty()) {
        return Optional.empty();
      }
      rows.addAll(answered.get());
    }
    return Optional.of(rows);
  }

  private Optional<List<List<Object>>> ask(
      String url,
      String sql,
      Map<String, Object> properties,
      Optional<String> authorization,
      SortedSet<Integer> partitions) {
    ObjectNode body = JSON.createObjectNode();
    body.put("ksql", sql);
    ObjectNode streamsProperties = JSON.valueToTree(properties);
    streamsProperties.put(
        PARTITIONS_PROPERTY,
        partitions.stream().map(String::valueOf).collect(Collectors.joining(",")));
    body.set("streamsProperties", streamsProperties);
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url + "/query"))
              .timeout(TIMEOUT)
              .header("Content-Type", "application/vnd.ksql.v1+json")
              .header("Accept", "application/vnd.ksql.v1+json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      authorization.ifPresent(credentials -> request.header("Authorization", credentials));
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        LOG.info("Server {} did not answer a forwarded pull query: {}", url, response.statusCode());
        return Optional.empty();
      }
      return rows(JSON.readTree(response.body()));
    } catch (IOException unreachable) {
      LOG.info("Server {} cannot be reached for a pull query: {}", url, unreachable.getMessage());
      return Optional.empty();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The rows of a {@code /query} answer; empty when it reports an error. */
  private static Optional<List<List<Object>>> rows(JsonNode answer) {
    List<List<Object>> rows = new ArrayList<>();
    for (JsonNode element : answer) {
      if (element.has("errorMessage")) {
        return Optional.empty();
      }
      JsonNode columns = element.path("row").path("columns");
      if (columns.isArray()) {
        List<Object> row = new ArrayList<>();
        columns.forEach(row::add);
        rows.add(row);
      }
    }
    return Optional.of(rows);
  }
}
