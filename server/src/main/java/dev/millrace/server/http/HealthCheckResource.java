package dev.millrace.server.http;

import dev.millrace.server.api.HealthCheckResponse;
import dev.millrace.server.service.EngineFacade;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /healthcheck}: 200 when every part is healthy, 503 otherwise, with the details in both
 * cases so that load balancers and people read the same answer.
 */
final class HealthCheckResource extends ApiHandler {

  private final EngineFacade engine;

  HealthCheckResource(EngineFacade engine) {
    this.engine = engine;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) {
    String type = MediaTypes.jsonResponseType(request.getHeaders().get(HttpHeader.ACCEPT));
    HealthCheckResponse health = engine.healthCheck();
    JsonResponses.send(response, callback, health.isHealthy() ? 200 : 503, type, health);
  }
}
