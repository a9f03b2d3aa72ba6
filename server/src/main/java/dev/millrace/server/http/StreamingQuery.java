package dev.millrace.server.http;

import dev.millrace.server.service.EngineException;
import dev.millrace.server.service.QueryEnd;
import dev.millrace.server.service.QueryHeader;
import dev.millrace.server.service.QuerySubscriber;
import dev.millrace.server.service.QuerySubscription;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Streams one query's result into one HTTP response.
 *
 * <p>It asks the engine for one window of rows and for more as writes complete, so a slow client
 * slows the query instead of filling the server's memory. The stream ends when the query ends,
 * fails, is closed through {@code /close-query}, or when the client goes away; in the last two
 * cases the engine's query is cancelled.
 */
final class StreamingQuery implements QuerySubscriber {

  /** Rows the engine may send ahead of what the client has taken. */
  static final int WINDOW = 256;

  private final Request request;
  private final Response response;
  private final Callback callback;
  private RowFormat format;
  private final ActiveQueries active;
  private QuerySubscription subscription;
  private ResponseStream stream;
  private String queryId;
  private boolean finished;

  StreamingQuery(
      Request request,
      Response response,
      Callback callback,
      RowFormat format,
      ActiveQueries active) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.format = format;
    this.active = active;
    request.addFailureListener(this::disconnected);
    // A push query may send nothing for a long time; that is not a reason to drop the client.
    request.addIdleTimeoutListener(timeout -> false);
  }

  @Override
  public synchronized void onStart(QueryHeader header, QuerySubscription subscription) {
    this.subscription = subscription;
    if (finished) {
      subscription.cancel();
      return;
    }
    queryId = header.queryId();
    if (header.type() == QueryHeader.QueryType.PRINT) {
      format = new RowFormat.PrintedLines();
    }
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, format.contentType());
    stream = new ResponseStream(response, callback, subscription::request, this::disconnected);
    if (header.type() != QueryHeader.QueryType.PULL) {
      active.add(queryId, this);
      DisconnectWatch.watch(request, response, this::disconnected);
    }
    stream.append(format.header(header), 0);
    subscription.request(WINDOW);
  }

  @Override
  public synchronized void onRow(List<Object> row) {
    if (!finished) {
      stream.append(format.row(row), 1);
    }
  }

  @Override
  public synchronized void onEnd(QueryEnd end) {
    if (finish()) {
      stream.close(format.end(end));
    }
  }

  @Override
  public synchronized void onError(EngineException error) {
    if (!finish()) {
      return;
    }
    if (stream == null) {
      JsonResponses.sendError(response, callback, error.toErrorMessage());
    } else {
      stream.close(format.error(error.toErrorMessage()));
    }
  }

  /** Stops the query at the client's request and ends the response normally. */
  synchronized void close() {
    if (finish()) {
      subscription.cancel();
      stream.close(format.end(QueryEnd.COMPLETED));
    }
  }

  synchronized void keepAlive(long idleNanos) {
    if (!finished && format.allowsKeepAlive()) {
      stream.keepAlive(idleNanos);
    }
  }

  /** The client went away or the response could not be written: stop the query. */
  private synchronized void disconnected(Throwable cause) {
    if (!finish()) {
      return;
    }
    if (subscription != null) {
      subscription.cancel();
    }
    if (stream == null) {
      callback.failed(cause);
    } else {
      stream.abort(cause);
    }
  }

  /** Marks the stream finished; false when it already was. */
  private boolean finish() {
    if (finished) {
      return false;
    }
    finished = true;
    if (queryId != null) {
      active.remove(queryId, this);
    }
    return true;
  }
}
