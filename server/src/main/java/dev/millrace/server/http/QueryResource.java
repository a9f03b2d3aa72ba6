package dev.millrace.server.http;

import dev.millrace.server.api.KsqlRequest;
import dev.millrace.server.service.QueryRequest;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /query}: runs one query and streams it as a chunked JSON array of header, row and
 * final-message objects, as ksqlDB's shell reads it.
 */
final class QueryResource extends ApiHandler {

  private static final List<String> PRODUCES = List.of(MediaTypes.KSQL_V1_JSON, MediaTypes.JSON);

  private final QueryStarter starter;

  QueryResource(QueryStarter starter) {
    this.starter = starter;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) throws Exception {
    String accept = request.getHeaders().get(HttpHeader.ACCEPT);
    String contentType =
        MediaTypes.negotiate(accept, PRODUCES)
            .orElseThrow(() -> MediaTypes.notAcceptable(accept, PRODUCES));
    KsqlRequest body = JsonBodies.read(request, KsqlRequest.class);
    QueryRequest query =
        new QueryRequest(
            Bodies.requireText(body.ksql(), "ksql"),
            body.streamsProperties(),
            body.sessionVariables(),
            Optional.ofNullable(request.getHeaders().get(HttpHeader.AUTHORIZATION)));
    starter.start(query, new RowFormat.StreamedRows(contentType), request, response, callback);
  }
}
