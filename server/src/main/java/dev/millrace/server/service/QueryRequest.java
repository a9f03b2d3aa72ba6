package dev.millrace.server.service;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code SELECT} to run as a push or pull query.
 *
 * @param sql the query, with or without its terminating {@code ;}
 * @param properties property overrides, for example {@code auto.offset.reset}
 * @param sessionVariables values for {@code ${name}} substitution
 * @param authorization the request's {@code Authorization} header, which a pull query passes on to
 *     the servers it asks for partitions held there
 */
public record QueryRequest(
    String sql,
    Map<String, Object> properties,
    Map<String, Object> sessionVariables,
    Optional<String> authorization) {

  public QueryRequest {
    Objects.requireNonNull(sql, "sql");
    properties = Map.copyOf(properties);
    sessionVariables = Map.copyOf(sessionVariables);
    Objects.requireNonNull(authorization, "authorization");
  }

  /** A query sent without credentials. */
  public QueryRequest(
      String sql, Map<String, Object> properties, Map<String, Object> sessionVariables) {
    this(sql, properties, sessionVariables, Optional.empty());
  }

  /** A query without overrides or variables. */
  public static QueryRequest of(String sql) {
    return new QueryRequest(sql, Map.of(), Map.of());
  }
}
