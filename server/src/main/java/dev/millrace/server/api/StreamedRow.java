package dev.millrace.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * One element of a {@code POST /query} response (and of {@code /query-stream} when the client asks
 * for {@code application/vnd.ksql.v1+json}): exactly one of a header, a row, an error or a final
 * message.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamedRow(Header header, Row row, ErrorMessage errorMessage, String finalMessage) {

  /**
   * The first element: the query id and the result schema.
   *
   * @param schema the columns as {@code `NAME` TYPE} pairs separated by {@code ", "}
   */
  public record Header(String queryId, String schema) {}

  /** The values of one result row, in header order; may contain nulls. */
  public record Row(List<Object> columns) {

    public Row {
      columns = Lists.copyKeepingNulls(columns);
    }
  }

  public StreamedRow {
    int present =
        (header == null ? 0 : 1)
            + (row == null ? 0 : 1)
            + (errorMessage == null ? 0 : 1)
            + (finalMessage == null ? 0 : 1);
    if (present != 1) {
      throw new IllegalArgumentException("exactly one part must be set, got " + present);
    }
  }

  public static StreamedRow header(String queryId, String schema) {
    return new StreamedRow(new Header(queryId, Objects.requireNonNull(schema)), null, null, null);
  }

  public static StreamedRow row(List<Object> columns) {
    return new StreamedRow(null, new Row(columns), null, null);
  }

  public static StreamedRow error(ErrorMessage error) {
    return new StreamedRow(null, null, Objects.requireNonNull(error), null);
  }

  public static StreamedRow finalMessage(String message) {
    return new StreamedRow(null, null, null, Objects.requireNonNull(message));
  }
}
