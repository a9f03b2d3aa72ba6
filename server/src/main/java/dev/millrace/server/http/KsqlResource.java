package dev.millrace.server.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.millrace.server.api.ApiJson;
import dev.millrace.server.api.KsqlEntity;
import dev.millrace.server.api.KsqlRequest;
import dev.millrace.server.service.EngineFacade;
import dev.millrace.server.service.StatementRequest;
import java.util.List;
import java.util.OptionalLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code POST /ksql}: runs a batch of statements and answers with one entity per statement. */
final class KsqlResource extends ApiHandler {

  private static final ObjectWriter ENTITIES =
      ApiJson.mapper().writerFor(new TypeReference<List<KsqlEntity>>() {});

  private final EngineFacade engine;

  KsqlResource(EngineFacade engine) {
    this.engine = engine;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) throws Exception {
    String contentType = MediaTypes.jsonResponseType(request.getHeaders().get(HttpHeader.ACCEPT));
    KsqlRequest body = JsonBodies.read(request, KsqlRequest.class);
    StatementRequest statements =
        new StatementRequest(
            Bodies.requireText(body.ksql(), "ksql"),
            body.streamsProperties(),
            body.sessionVariables(),
            body.commandSequenceNumber() == null
                ? OptionalLong.empty()
                : OptionalLong.of(body.commandSequenceNumber()));
    List<KsqlEntity> entities = engine.execute(statements);
    JsonResponses.send(response, callback, 200, contentType, ENTITIES, entities);
  }
}
