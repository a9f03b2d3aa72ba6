package dev.millrace.server.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.Map;

/**
 * The body of {@code POST /ksql} and {@code POST /query}.
 *
 * @param ksql one or more statements, each ending in {@code ;} (also accepted as {@code sql})
 * @param streamsProperties property overrides for these statements
 * @param requestProperties properties of the request itself rather than of the statements
 * @param sessionVariables values for {@code ${name}} substitution in the statements
 * @param commandSequenceNumber when given, wait until the command log has run this far first
 */
public record KsqlRequest(
    @JsonAlias("sql") String ksql,
    Map<String, Object> streamsProperties,
    Map<String, Object> requestProperties,
    Map<String, Object> sessionVariables,
    Long commandSequenceNumber) {

  public KsqlRequest {
    streamsProperties = Lists.copyOrEmpty(streamsProperties);
    requestProperties = Lists.copyOrEmpty(requestProperties);
    sessionVariables = Lists.copyOrEmpty(sessionVariables);
  }
}
