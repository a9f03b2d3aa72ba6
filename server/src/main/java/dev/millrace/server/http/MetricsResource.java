package dev.millrace.server.http;

import dev.millrace.server.service.EngineFacade;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /metrics}: per-query metrics in Prometheus' text format, for a scraper. */
final class MetricsResource extends ApiHandler {

  private final EngineFacade engine;

  MetricsResource(EngineFacade engine) {
    this.engine = engine;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) {
    byte[] body = PrometheusText.write(engine.queryMetrics()).getBytes(StandardCharsets.UTF_8);
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, PrometheusText.CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
