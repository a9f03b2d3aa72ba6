package dev.millrace.cli.client;

import java.util.List;
import java.util.Optional;

/**
 * The first line of a {@code /query-stream} response: the query's id (push queries) and the names
 * and types of the columns of every row that follows.
 */
public record QueryHeader(
    Optional<String> queryId, List<String> columnNames, List<String> columnTypes) {

  public QueryHeader {
    columnNames = List.copyOf(columnNames);
    columnTypes = List.copyOf(columnTypes);
  }
}
