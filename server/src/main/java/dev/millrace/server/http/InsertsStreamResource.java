package dev.millrace.server.http;

import dev.millrace.server.api.ApiJson;
import dev.millrace.server.api.ErrorMessage;
import dev.millrace.server.api.GenericErrorMessage;
import dev.millrace.server.api.InsertAck;
import dev.millrace.server.api.InsertError;
import dev.millrace.server.api.InsertsStreamArgs;
import dev.millrace.server.service.EngineException;
import dev.millrace.server.service.EngineFacade;
import dev.millrace.server.service.ErrorCode;
import dev.millrace.server.service.RowInserts;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /inserts-stream}, over HTTP/1.1 (chunked) or HTTP/2: the body's first line names the
 * target ({@code {"target": "ORDERS"}}), each further line is one row as a JSON object. Rows are
 * inserted in order as they arrive, and each is answered as soon as Kafka has stored it: {@code
 * {"status":"ok","seq":n}}, n counting rows from 0. The first row that cannot be inserted is
 * answered with an error carrying its {@code seq}, and the response ends there, as in ksqlDB. A
 * target that takes no rows is refused with a 400 before any row is read.
 *
 * <p>The body is read as it streams (it is not buffered by {@link BufferedBodies}), so a client may
 * keep one request open and send rows for as long as it likes; but a request that goes without a
 * row for longer than the inserts idle timeout is ended with a 408 error in place of the next
 * answer, so that an idle client does not hold a server thread for ever.
 */
final class InsertsStreamResource extends ApiHandler {

  static final String PATH = "/inserts-stream";

  private static final Logger LOG = LoggerFactory.getLogger(InsertsStreamResource.class);

  private static final List<String> PRODUCES = List.of(MediaTypes.DELIMITED, MediaTypes.JSON);

  private final EngineFacade engine;
  private final int maxLineBytes;
  private final Duration idleTimeout;
  private final ScheduledExecutorService timer;

  /**
   * @param maxLineBytes the longest line (target or row) read; longer ones are refused
   * @param idleTimeout how long a request may go without a row before it is ended
   * @param timer runs the checks of idle requests
   */
  InsertsStreamResource(
      EngineFacade engine, int maxLineBytes, Duration idleTimeout, ScheduledExecutorService timer) {
    this.engine = engine;
    this.maxLineBytes = maxLineBytes;
    this.idleTimeout = idleTimeout;
    this.timer = timer;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) throws Exception {
    String accept = request.getHeaders().get(HttpHeader.ACCEPT);
    String type =
        MediaTypes.negotiate(accept, PRODUCES)
            .orElseThrow(() -> MediaTypes.notAcceptable(accept, PRODUCES));
    MediaTypes.requireJsonBody(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
    // A client may pause between rows up to the inserts idle timeout, longer than the connection's
    // own; then a check fails the body, which ends the blocked read and frees this thread.
    IdleRows idle = new IdleRows(idleTimeout);
    request.addIdleTimeoutListener(timeout -> false);
    EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
    long connectionIdle = endPoint.getIdleTimeout();
    endPoint.setIdleTimeout(Math.max(connectionIdle, 2 * idleTimeout.toMillis()));
    long period = Math.max(10, idleTimeout.toMillis() / 10);
    ScheduledFuture<?> watch =
        timer.scheduleWithFixedDelay(
            () -> {
              if (idle.expired()) {
                request.fail(new TimeoutException("no row for " + idleTimeout.toMillis() + " ms"));
              }
            },
            period,
            period,
            TimeUnit.MILLISECONDS);
    try {
      serve(request, response, callback, type, idle);
    } finally {
      watch.cancel(false);
      endPoint.setIdleTimeout(connectionIdle);
    }
  }

  private void serve(
      Request request, Response response, Callback callback, String type, IdleRows idle)
      throws Exception {
    BodyLines lines =
        new BodyLines(new BufferedInputStream(Request.asInputStream(request)), maxLineBytes);
    byte[] first;
    try {
      first = lines.next();
    } catch (IOException failed) {
      if (idle.expired()) {
        throw new ApiException(ErrorCode.REQUEST_TIMEOUT, idle.error().message());
      }
      throw failed;
    }
    InsertsStreamArgs args =
        JsonBodies.parse(first == null ? new byte[0] : first, InsertsStreamArgs.class);
    RowInserts inserts =
        engine.openInserts(Bodies.requireText(args.target(), "target"), args.properties());
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    try (OutputStream out = Content.Sink.asOutputStream(response)) {
      Acks acks = new Acks(out, type.equals(MediaTypes.JSON));
      insertAll(lines, inserts, acks, idle);
      acks.end();
    } catch (IOException clientGone) {
      callback.failed(clientGone);
      return;
    }
    callback.succeeded();
  }

  private static void insertAll(BodyLines lines, RowInserts inserts, Acks acks, IdleRows idle)
      throws IOException {
    long seq = 0;
    while (true) {
      byte[] row;
      try {
        row = lines.next();
        idle.row();
      } catch (ApiException tooLong) {
        acks.write(InsertError.of(seq, tooLong.toErrorMessage()));
        return;
      } catch (IOException failed) {
        if (!idle.expired()) {
          throw failed;
        }
        acks.write(InsertError.of(seq, idle.error()));
        return;
      }
      if (row == null) {
        return;
      }
      if (isBlank(row)) {
        continue;
      }
      try {
        inserts.insert(row);
      } catch (EngineException bad) {
        acks.write(InsertError.of(seq, bad.toErrorMessage()));
        return;
      } catch (RuntimeException failed) {
        LOG.warn("Inserting row {} failed", seq, failed);
        acks.write(InsertError.of(seq, serverError(failed)));
        return;
      }
      acks.write(InsertAck.of(seq++));
    }
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /** When the request last read a row, and whether it has gone without one for too long. */
  private static final class IdleRows {
    private final long limitNanos;
    private volatile long lastRow = System.nanoTime();

    IdleRows(Duration limit) {
      this.limitNanos = limit.toNanos();
    }

    void row() {
      lastRow = System.nanoTime();
    }

    boolean expired() {
      return System.nanoTime() - lastRow >= limitNanos;
    }

    ErrorMessage error() {
      return new GenericErrorMessage(
          ErrorCode.REQUEST_TIMEOUT.code(),
          "No row for "
              + Duration.ofNanos(limitNanos).toMillis()
              + " ms: the insert stream is closed (millrace.http.inserts.idle.timeout.ms)");
    }
  }

  /** Writes each answer as soon as it is known: one per line, or as one JSON array. */
  private static final class Acks {
    private final OutputStream out;
    private final boolean array;
    private boolean first = true;

    Acks(OutputStream out, boolean array) throws IOException {
      this.out = out;
      this.array = array;
      if (array) {
        out.write('[');
      }
      // Sends the 200 and the headers now: the client learns the target was accepted.
      out.flush();
    }

    /** Writes one answer in one piece (one chunk, one HTTP/2 data frame). */
    void write(Object answer) throws IOException {
      String json = ApiJson.mapper().writeValueAsString(answer);
      String text = array ? (first ? json : "," + json) : json + "\n";
      first = false;
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    void end() throws IOException {
      if (array) {
        out.write(']');
      }
    }
  }
}
