package dev.millrace.server.http;

import dev.millrace.server.api.QueryStreamArgs;
import dev.millrace.server.service.QueryRequest;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /query-stream}, over HTTP/1.1 or HTTP/2: runs one query and streams it in the format
 * the Accept header picks — newline-delimited (the default), one JSON array, or the {@code /query}
 * format for {@code application/vnd.ksql.v1+json}.
 */
final class QueryStreamResource extends ApiHandler {

  private static final List<String> PRODUCES =
      List.of(MediaTypes.DELIMITED, MediaTypes.JSON, MediaTypes.KSQL_V1_JSON);

  private final QueryStarter starter;

  QueryStreamResource(QueryStarter starter) {
    this.starter = starter;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) throws Exception {
    String accept = request.getHeaders().get(HttpHeader.ACCEPT);
    String type =
        MediaTypes.negotiate(accept, PRODUCES)
            .orElseThrow(() -> MediaTypes.notAcceptable(accept, PRODUCES));
    QueryStreamArgs body = JsonBodies.read(request, QueryStreamArgs.class);
    QueryRequest query =
        new QueryRequest(
            Bodies.requireText(body.sql(), "sql"),
            body.properties(),
            body.sessionVariables(),
            Optional.ofNullable(request.getHeaders().get(HttpHeader.AUTHORIZATION)));
    starter.start(query, format(type), request, response, callback);
  }

  private static RowFormat format(String type) {
    return switch (type) {
      case MediaTypes.JSON -> new RowFormat.JsonArray();
      case MediaTypes.KSQL_V1_JSON -> new RowFormat.StreamedRows(MediaTypes.KSQL_V1_JSON);
      default -> new RowFormat.Delimited();
    };
  }
}
