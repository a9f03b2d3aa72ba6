package dev.millrace.server.http;

import dev.millrace.server.service.EngineException;
import dev.millrace.server.service.EngineFacade;
import dev.millrace.server.service.ErrorCode;
import dev.millrace.server.service.QueryRequest;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts a query on the engine with its result streamed into the response. */
final class QueryStarter {

  private static final Logger LOG = LoggerFactory.getLogger(QueryStarter.class);

  private final EngineFacade engine;
  private final ActiveQueries active;

  QueryStarter(EngineFacade engine, ActiveQueries active) {
    this.engine = engine;
    this.active = active;
  }

  void start(
      QueryRequest query, RowFormat format, Request request, Response response, Callback callback) {
    StreamingQuery stream = new StreamingQuery(request, response, callback, format, active);
    try {
      engine.runQuery(query, stream);
    } catch (EngineException e) {
      stream.onError(e);
    } catch (RuntimeException e) {
      LOG.warn("Starting a query failed", e);
      stream.onError(
          new EngineException(
              ErrorCode.SERVER_ERROR, ApiHandler.serverError(e).message(), query.sql()));
    }
  }
}
