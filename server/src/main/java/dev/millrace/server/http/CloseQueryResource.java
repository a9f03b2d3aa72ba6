package dev.millrace.server.http;

import dev.millrace.server.api.CloseQueryArgs;
import dev.millrace.server.service.ErrorCode;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /close-query}: stops a push query streaming on this server. Its stream ends normally
 * and this request answers 200 with an empty body.
 */
final class CloseQueryResource extends ApiHandler {

  private final ActiveQueries active;

  CloseQueryResource(ActiveQueries active) {
    this.active = active;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) throws Exception {
    CloseQueryArgs body = JsonBodies.read(request, CloseQueryArgs.class);
    String queryId = Bodies.requireText(body.queryId(), "queryId");
    if (!active.close(queryId)) {
      throw new ApiException(ErrorCode.BAD_REQUEST, "No query with id " + queryId);
    }
    response.setStatus(200);
    callback.succeeded();
  }
}
