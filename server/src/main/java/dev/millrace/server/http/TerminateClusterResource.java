package dev.millrace.server.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.millrace.server.api.ApiJson;
import dev.millrace.server.api.ClusterTerminateRequest;
import dev.millrace.server.api.KsqlEntity;
import dev.millrace.server.service.EngineFacade;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /ksql/terminate}: terminates the cluster (see {@link EngineFacade#terminateCluster})
 * and answers with its {@code currentStatus} entity.
 */
final class TerminateClusterResource extends ApiHandler {

  private static final ObjectWriter ENTITIES =
      ApiJson.mapper().writerFor(new TypeReference<List<KsqlEntity>>() {});

  private final EngineFacade engine;

  TerminateClusterResource(EngineFacade engine) {
    this.engine = engine;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) throws Exception {
    String type = MediaTypes.jsonResponseType(request.getHeaders().get(HttpHeader.ACCEPT));
    ClusterTerminateRequest body = JsonBodies.read(request, ClusterTerminateRequest.class);
    JsonResponses.send(
        response, callback, 200, type, ENTITIES, engine.terminateCluster(body.deleteTopicList()));
  }
}
