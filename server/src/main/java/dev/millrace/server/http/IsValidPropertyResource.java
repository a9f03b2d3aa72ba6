package dev.millrace.server.http;

import dev.millrace.server.service.EngineFacade;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /is_valid_property/{name}}: {@code true} when requests may set the property, else a
 * 400 whose message names it, as ksqlDB answers.
 */
final class IsValidPropertyResource extends ApiHandler {

  static final String PREFIX = "/is_valid_property/";

  private final EngineFacade engine;

  IsValidPropertyResource(EngineFacade engine) {
    this.engine = engine;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) {
    String type = MediaTypes.jsonResponseType(request.getHeaders().get(HttpHeader.ACCEPT));
    engine.requireSettable(Request.getPathInContext(request).substring(PREFIX.length()));
    JsonResponses.send(response, callback, 200, type, Boolean.TRUE);
  }
}
