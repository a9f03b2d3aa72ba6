package dev.millrace.server.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code EXPLAIN query-id} (or {@code EXPLAIN statement}) says about a query.
 *
 * @param id the query id
 * @param statementText the statement that started the query
 * @param windowType the window type of the output, or null when the output is not windowed
 * @param fields the output columns
 * @param sources streams and tables the query reads
 * @param sinks streams and tables the query writes
 * @param topology the operator graph the query runs, as text
 * @param executionPlan the logical and physical plans, as text
 * @param overriddenProperties properties the query was started with
 * @param ksqlHostQueryStatus the query's state on each server, keyed by {@code host:port}
 * @param queryType {@code PERSISTENT} or {@code PUSH}
 * @param queryErrors errors the query met while running
 * @param state the overall state, for example {@code RUNNING}
 */
public record QueryDescription(
    String id,
    String statementText,
    String windowType,
    List<FieldInfo> fields,
    List<String> sources,
    List<String> sinks,
    String topology,
    String executionPlan,
    Map<String, Object> overriddenProperties,
    Map<String, String> ksqlHostQueryStatus,
    String queryType,
    List<Object> queryErrors,
    String state) {

  public QueryDescription {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(statementText, "statementText");
    fields = Lists.copyOrEmpty(fields);
    sources = Lists.copyOrEmpty(sources);
    sinks = Lists.copyOrEmpty(sinks);
    topology = topology == null ? "" : topology;
    executionPlan = executionPlan == null ? "" : executionPlan;
    overriddenProperties = Lists.copyOrEmpty(overriddenProperties);
    ksqlHostQueryStatus = Lists.copyOrEmpty(ksqlHostQueryStatus);
    queryErrors = Lists.copyOrEmpty(queryErrors);
  }
}
