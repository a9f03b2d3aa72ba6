package dev.millrace.server.service;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A batch of statements to execute.
 *
 * @param sql one or more statements, each ending in {@code ;}
 * @param properties property overrides for these statements (ksqlDB's {@code streamsProperties}),
 *     values as JSON gave them: strings, numbers, booleans
 * @param sessionVariables values for {@code ${name}} substitution
 * @param commandSequenceNumber when present, run only after the command log has run this far
 */
public record StatementRequest(
    String sql,
    Map<String, Object> properties,
    Map<String, Object> sessionVariables,
    OptionalLong commandSequenceNumber) {

  public StatementRequest {
    Objects.requireNonNull(sql, "sql");
    properties = Map.copyOf(properties);
    sessionVariables = Map.copyOf(sessionVariables);
    Objects.requireNonNull(commandSequenceNumber, "commandSequenceNumber");
  }

  /** Statements without overrides or variables. */
  public static StatementRequest of(String sql) {
    return new StatementRequest(sql, Map.of(), Map.of(), OptionalLong.empty());
  }
}
