package dev.millrace.server.service;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What a query returns, sent before its first row.
 *
 * @param queryId the query's id; clients close push queries with it
 * @param type push (runs until closed or its LIMIT) or pull (returns the current state and ends)
 * @param columnNames the result columns, in row order
 * @param columnTypes their SQL types as ksqlDB spells them: {@code BOOLEAN}, {@code INTEGER},
 *     {@code BIGINT}, {@code DOUBLE}, {@code DECIMAL(10, 2)}, {@code STRING}, {@code
 *     ARRAY<STRING>}, {@code MAP<STRING, INTEGER>}, {@code STRUCT<`A` STRING>}, ...
 */
public record QueryHeader(
    String queryId, QueryType type, List<String> columnNames, List<String> columnTypes) {

  /**
   * Push queries stream changes until stopped; pull queries answer from state and end; PRINT
   * streams a topic's records as text lines, one per row, until stopped or its LIMIT.
   */
  public enum QueryType {
    PUSH,
    PULL,
    PRINT
  }

  public QueryHeader {
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(type, "type");
    columnNames = List.copyOf(columnNames);
    columnTypes = List.copyOf(columnTypes);
    if (columnNames.size() != columnTypes.size()) {
      throw new IllegalArgumentException(
          columnNames.size() + " column names but " + columnTypes.size() + " column types");
    }
  }

  /** The schema as one string, {@code `ID` BIGINT, `NAME` STRING}, as {@code /query} sends it. */
  public String schema() {
    return IntStream.range(0, columnNames.size())
        .mapToObj(i -> "`" + columnNames.get(i) + "` " + columnTypes.get(i))
        .collect(Collectors.joining(", "));
  }
}
