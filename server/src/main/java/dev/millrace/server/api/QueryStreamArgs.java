package dev.millrace.server.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.Map;

/**
 * The body of {@code POST /query-stream}.
 *
 * @param sql the query to run
 * @param properties property overrides for the query (also accepted as {@code streamsProperties},
 *     which ksqlDB's own curl examples send)
 * @param sessionVariables values for {@code ${name}} substitution
 * @param requestProperties properties of the request itself
 */
public record QueryStreamArgs(
    String sql,
    @JsonAlias("streamsProperties") Map<String, Object> properties,
    Map<String, Object> sessionVariables,
    Map<String, Object> requestProperties) {

  public QueryStreamArgs {
    properties = Lists.copyOrEmpty(properties);
    sessionVariables = Lists.copyOrEmpty(sessionVariables);
    requestProperties = Lists.copyOrEmpty(requestProperties);
  }
}
