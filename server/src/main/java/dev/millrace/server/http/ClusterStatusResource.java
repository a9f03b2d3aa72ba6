package dev.millrace.server.http;

import dev.millrace.server.api.ClusterStatusResponse;
import dev.millrace.server.api.ClusterStatusResponse.HostStatus;
import dev.millrace.server.api.ClusterStatusResponse.HostStoreLags;
import dev.millrace.server.service.EngineFacade;
import java.time.Clock;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /clusterStatus}: every server of the service as the engine knows them from their
 * heartbeats; a server that has not joined the others lists only itself, alive, under the host and
 * port the client reached it by.
 */
final class ClusterStatusResource extends ApiHandler {

  private final EngineFacade engine;
  private final Clock clock;

  ClusterStatusResource(EngineFacade engine, Clock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) {
    String type = MediaTypes.jsonResponseType(request.getHeaders().get(HttpHeader.ACCEPT));
    ClusterStatusResponse status = engine.clusterStatus().orElseGet(() -> alone(request));
    JsonResponses.send(response, callback, 200, type, status);
  }

  private ClusterStatusResponse alone(Request request) {
    String host = Request.getServerName(request) + ":" + Request.getServerPort(request);
    long now = clock.millis();
    HostStatus self = new HostStatus(true, now, Map.of(), new HostStoreLags(Map.of(), now));
    return new ClusterStatusResponse(Map.of(host, self));
  }
}
