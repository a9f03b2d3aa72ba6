package dev.millrace.server.service;

import java.util.Map;
import java.util.Objects;

/**
 * One {@code SELECT} to run as a push or pull query.
 *
 * @param sql the query, with or without its terminating {@code ;}
 * @param properties property overrides, for example {@code auto.offset.reset}
 * @param sessionVariables values for {@code ${name}} substitution
 */
public record QueryRequest(
    String sql, Map<String, Object> properties, Map<String, Object> sessionVariables) {

  public QueryRequest {
    Objects.requireNonNull(sql, "sql");
    properties = Map.copyOf(properties);
    sessionVariables = Map.copyOf(sessionVariables);
  }

  /** A query without overrides or variables. */
  public static QueryRequest of(String sql) {
    return new QueryRequest(sql, Map.of(), Map.of());
  }
}
