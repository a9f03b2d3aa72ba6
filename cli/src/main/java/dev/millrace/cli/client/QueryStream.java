package dev.millrace.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A running query's rows as they arrive from {@code /query-stream} ({@code
 * application/vnd.ksqlapi.delimited.v1}: a header object, then one JSON array per line).
 *
 * <p>One thread reads rows with {@link #nextRow()}; any thread may {@link #close()} the stream,
 * which ends the read in progress and asks the server to close a push query.
 */
public final class QueryStream implements AutoCloseable {

  private final InputStream body;
  private final BufferedReader lines;
  private final ObjectMapper json;
  private final QueryHeader header;
  private final Consumer<String> closeQuery;
  private volatile boolean closed;
  private volatile boolean ended;
  private volatile boolean cancelled;

  private QueryStream(
      InputStream body,
      BufferedReader lines,
      ObjectMapper json,
      QueryHeader header,
      Consumer<String> closeQuery) {
    this.body = body;
    this.lines = lines;
    this.json = json;
    this.header = header;
    this.closeQuery = closeQuery;
  }

  static QueryStream open(InputStream body, ObjectMapper json, Consumer<String> closeQuery)
      throws MillraceClientException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    try {
      JsonNode first = readLine(lines, json);
      if (first == null || !first.isObject()) {
        throw new ServerErrorException(
            -1, "The server ended the query without a header", null, List.of());
      }
      if (!first.has("columnNames") && first.hasNonNull("message")) {
        throw ErrorResponses.fromErrorObject(first, -1);
      }
      return new QueryStream(body, lines, json, header(first), closeQuery);
    } catch (IOException e) {
      throw new ServerUnreachableException(
          "Lost the connection while starting the query: " + e.getMessage(), e);
    }
  }

  /** The query id (push queries) and column names and types. */
  public QueryHeader header() {
    return header;
  }

  /**
   * Waits for the next row. Empty when the query has ended (a pull query is done, a push query hit
   * its LIMIT or was closed).
   *
   * @throws ServerErrorException when the server reports an error in place of a row
   * @throws ServerUnreachableException when the connection breaks while the query runs
   */
  public Optional<ArrayNode> nextRow() throws MillraceClientException {
    while (!closed) {
      JsonNode line;
      try {
        line = readLine(lines, json);
      } catch (JsonProcessingException e) {
        throw new ServerErrorException(
            -1, "The server sent an unreadable row: " + e.getOriginalMessage(), null, List.of());
      } catch (IOException e) {
        if (closed) {
          break;
        }
        throw new ServerUnreachableException(
            "Lost the connection to the server while the query ran: " + e.getMessage(), e);
      }
      if (line == null) {
        ended = true;
        break;
      }
      if (line.isArray()) {
        return Optional.of((ArrayNode) line);
      }
      if (line.hasNonNull("message")) {
        ended = true;
        throw ErrorResponses.fromErrorObject(line, -1);
      }
    }
    return Optional.empty();
  }

  /** True when {@link #close()} cut the query short, before the server ended it. */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Cancels the query: closes the response stream (which ends a pending {@link #nextRow()}) and,
   * for a push query the server has not ended, sends {@code /close-query}. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    cancelled = !ended;
    try {
      // Close the raw stream, not the reader: the reader's lock is held by a blocked readLine().
      body.close();
    } catch (IOException ignored) {
      // Closing a broken connection cannot fail in a way that matters to the caller.
    }
    if (cancelled) {
      header.queryId().ifPresent(closeQuery);
    }
  }

  private static QueryHeader header(JsonNode first) {
    String queryId = first.hasNonNull("queryId") ? first.get("queryId").asText() : null;
    return new QueryHeader(
        Optional.ofNullable(queryId),
        texts(first.path("columnNames")),
        texts(first.path("columnTypes")));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static JsonNode readLine(BufferedReader lines, ObjectMapper json) throws IOException {
    String line;
    do {
      line = lines.readLine();
    } while (line != null && line.isBlank());
    return line == null ? null : json.readTree(line);
  }
}
