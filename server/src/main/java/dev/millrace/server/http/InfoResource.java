package dev.millrace.server.http;

import dev.millrace.server.service.EngineFacade;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /info}: version, Kafka cluster id, service id and state of this server. */
final class InfoResource extends ApiHandler {

  private final EngineFacade engine;

  InfoResource(EngineFacade engine) {
    this.engine = engine;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) {
    String type = MediaTypes.jsonResponseType(request.getHeaders().get(HttpHeader.ACCEPT));
    JsonResponses.send(response, callback, 200, type, engine.serverInfo());
  }
}
