package dev.millrace.server.http;

import dev.millrace.server.api.CommandStatus;
import dev.millrace.server.api.CommandStatuses;
import dev.millrace.server.service.EngineFacade;
import dev.millrace.server.service.ErrorCode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

/**
 * {@code GET /status} lists every command's status; {@code GET /status/{commandId}} gives one
 * command's. Command ids contain slashes ({@code stream/`PAGEVIEWS`/create}), so the id is the
 * whole rest of the path, its slashes and backticks as they are or percent-encoded.
 */
final class StatusResource extends ApiHandler {

  static final String PREFIX = "/status/";

  private final EngineFacade engine;

  StatusResource(EngineFacade engine) {
    this.engine = engine;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) {
    String type = MediaTypes.jsonResponseType(request.getHeaders().get(HttpHeader.ACCEPT));
    String path = Request.getPathInContext(request);
    if (!path.startsWith(PREFIX)) {
      JsonResponses.send(
          response, callback, 200, type, new CommandStatuses(engine.commandStatuses()));
      return;
    }
    // Jetty leaves a path holding an encoded slash (%2F) encoded: decode the id here.
    String commandId = URIUtil.decodePath(path.substring(PREFIX.length()));
    CommandStatus status =
        engine
            .commandStatus(commandId)
            .orElseThrow(
                () -> new ApiException(ErrorCode.NOT_FOUND, "Command not found: " + commandId));
    JsonResponses.send(response, callback, 200, type, status);
  }
}
