package dev.millrace.server.http;

import dev.millrace.server.service.EngineFacade;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /lag}: each persistent query's consumer lag and state-store lag. */
final class LagResource extends ApiHandler {

  private final EngineFacade engine;

  LagResource(EngineFacade engine) {
    this.engine = engine;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) {
    String type = MediaTypes.jsonResponseType(request.getHeaders().get(HttpHeader.ACCEPT));
    JsonResponses.send(response, callback, 200, type, engine.lag());
  }
}
