package dev.millrace.server.http;

import dev.millrace.server.api.ClusterStatusResponse;
import dev.millrace.server.api.ClusterStatusResponse.HostStatus;
import dev.millrace.server.api.ClusterStatusResponse.HostStoreLags;
import java.time.Clock;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /clusterStatus}: this server, alive, under the host and port the client reached it by.
 * Millrace servers do not exchange heartbeats yet, so a server only knows itself.
 */
final class ClusterStatusResource extends ApiHandler {

  private final Clock clock;

  ClusterStatusResource(Clock clock) {
    this.clock = clock;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) {
    String type = MediaTypes.jsonResponseType(request.getHeaders().get(HttpHeader.ACCEPT));
    String host = Request.getServerName(request) + ":" + Request.getServerPort(request);
    long now = clock.millis();
    HostStatus self = new HostStatus(true, now, Map.of(), new HostStoreLags(Map.of(), now));
    JsonResponses.send(
        response, callback, 200, type, new ClusterStatusResponse(Map.of(host, self)));
  }
}
