package dev.millrace.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The header of a {@code POST /query-stream} response.
 *
 * @param queryId the id to pass to {@code /close-query}; omitted when the query has none
 * @param columnNames the result columns in order
 * @param columnTypes their SQL types as ksqlDB spells them, e.g. {@code BIGINT}, {@code
 *     ARRAY<STRING>}, {@code DECIMAL(4, 2)}
 */
public record QueryResponseMetadata(
    @JsonInclude(JsonInclude.Include.NON_NULL) String queryId,
    List<String> columnNames,
    List<String> columnTypes) {

  public QueryResponseMetadata {
    columnNames = Lists.copyOrEmpty(columnNames);
    columnTypes = Lists.copyOrEmpty(columnTypes);
  }
}
