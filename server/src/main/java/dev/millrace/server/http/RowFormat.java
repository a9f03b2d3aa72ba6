package dev.millrace.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.millrace.server.api.ApiJson;
import dev.millrace.server.api.ErrorMessage;
import dev.millrace.server.api.QueryResponseMetadata;
import dev.millrace.server.api.StreamedRow;
import dev.millrace.server.service.QueryEnd;
import dev.millrace.server.service.QueryHeader;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * How a streamed query result is written: the pieces of text for its header, each row and its end,
 * in one of the three formats ksqlDB streams in.
 */
sealed interface RowFormat {

  /** The Content-Type of the response. */
  String contentType();

  String header(QueryHeader header);

  String row(List<Object> row);

  String end(QueryEnd end);

  String error(ErrorMessage error);

  /**
   * Whether a lone newline may be written while no rows come, to find out early that the client
   * left. Only formats that ignore blank lines allow it.
   */
  boolean allowsKeepAlive();

  /**
   * PRINT's output whatever the client asked for, as ksqlDB sends it: plain text, one line per row
   * (a row is the one line), nothing around them.
   */
  record PrintedLines() implements RowFormat {
    @Override
    public String contentType() {
      return "text/plain; charset=utf-8";
    }

    @Override
    public String header(QueryHeader header) {
      return "";
    }

    @Override
    public String row(List<Object> row) {
      return row.get(0) + "\n";
    }

    @Override
    public String end(QueryEnd end) {
      return "";
    }

    @Override
    public String error(ErrorMessage error) {
      return error.message() + "\n";
    }

    @Override
    public boolean allowsKeepAlive() {
      return true;
    }
  }

  private static String json(Object value) {
    try {
      return ApiJson.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code application/vnd.ksqlapi.delimited.v1}: the header object on one line, then one JSON
   * array per row and line. The default of {@code /query-stream}; ksqlDB's Java client reads it.
   */
  record Delimited() implements RowFormat {

    @Override
    public String contentType() {
      return MediaTypes.DELIMITED;
    }

    @Override
    public String header(QueryHeader header) {
      return json(metadata(header)) + "\n";
    }

    @Override
    public String row(List<Object> row) {
      return json(row) + "\n";
    }

    @Override
    public String end(QueryEnd end) {
      return "";
    }

    @Override
    public String error(ErrorMessage error) {
      return json(error) + "\n";
    }

    @Override
    public boolean allowsKeepAlive() {
      return false;
    }
  }

  /**
   * {@code application/json} on {@code /query-stream}: one JSON array holding the header object and
   * then one array per row. Each element is written as soon as it exists.
   */
  record JsonArray() implements RowFormat {

    @Override
    public String contentType() {
      return MediaTypes.JSON;
    }

    @Override
    public String header(QueryHeader header) {
      return "[" + json(metadata(header));
    }

    @Override
    public String row(List<Object> row) {
      return "," + json(row);
    }

    @Override
    public String end(QueryEnd end) {
      return "]";
    }

    @Override
    public String error(ErrorMessage error) {
      return "," + json(error) + "]";
    }

    @Override
    public boolean allowsKeepAlive() {
      return true;
    }
  }

  /**
   * The {@code /query} format (also {@code /query-stream} with {@code
   * application/vnd.ksql.v1+json}): a JSON array of {@link StreamedRow} objects, one per line, each
   * followed by a comma so that line readers can take rows as they come; the array is closed after
   * the final message or error.
   *
   * @param contentType the type the client asked for: ksqlDB's versioned type or plain JSON
   */
  record StreamedRows(String contentType) implements RowFormat {

    @Override
    public String header(QueryHeader header) {
      return "[" + json(StreamedRow.header(header.queryId(), header.schema())) + ",\n";
    }

    @Override
    public String row(List<Object> row) {
      return json(StreamedRow.row(row)) + ",\n";
    }

    @Override
    public String end(QueryEnd end) {
      return json(StreamedRow.finalMessage(end.message())) + "]\n";
    }

    @Override
    public String error(ErrorMessage error) {
      return json(StreamedRow.error(error)) + "]\n";
    }

    @Override
    public boolean allowsKeepAlive() {
      return true;
    }
  }

  private static QueryResponseMetadata metadata(QueryHeader header) {
    return new QueryResponseMetadata(header.queryId(), header.columnNames(), header.columnTypes());
  }
}
