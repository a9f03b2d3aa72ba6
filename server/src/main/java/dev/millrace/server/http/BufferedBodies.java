package dev.millrace.server.http;

import dev.millrace.server.service.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Reads every request body in full before the request is routed, so that no resource waits on a
 * slow client and every resource gets the same limits: a body larger than {@code maxBytes} is
 * answered 413 (at once when its {@code Content-Length} says so), and a body that stalls for {@code
 * idleTimeout} (a client that stopped sending, or sent less than its {@code Content-Length}) is
 * answered 408. The timeout restarts with every piece of the body that arrives, so a large body on
 * a slow link is not cut off while it keeps coming. Requests to a streamed path (rows sent for as
 * long as the client likes) are passed on unread.
 */
final class BufferedBodies extends Handler.Wrapper {

  private final int maxBytes;
  private final Duration idleTimeout;
  private final Set<String> streamedPaths;

  BufferedBodies(Handler handler, int maxBytes, Duration idleTimeout, Set<String> streamedPaths) {
    super(handler);
    this.maxBytes = maxBytes;
    this.idleTimeout = idleTimeout;
    this.streamedPaths = Set.copyOf(streamedPaths);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (streamedPaths.contains(Request.getPathInContext(request))) {
      return super.handle(request, response, callback);
    }
    byte[] body;
    try {
      body = read(request);
    } catch (ApiException e) {
      JsonResponses.sendError(response, callback, e.toErrorMessage());
      return true;
    }
    return super.handle(new BufferedRequest(request, body), response, callback);
  }

  private byte[] read(Request request) throws InterruptedException {
    long declared = request.getLength();
    if (declared > maxBytes) {
      throw tooLarge();
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 512);
    while (true) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        awaitMore(request);
        continue;
      }
      if (Content.Chunk.isFailure(chunk)) {
        throw failed(chunk.getFailure());
      }
      try {
        ByteBuffer bytes = chunk.getByteBuffer();
        if (body.size() + bytes.remaining() > maxBytes) {
          throw tooLarge();
        }
        byte[] piece = new byte[bytes.remaining()];
        bytes.get(piece);
        body.writeBytes(piece);
      } finally {
        chunk.release();
      }
      if (chunk.isLast()) {
        return body.toByteArray();
      }
    }
  }

  private void awaitMore(Request request) throws InterruptedException {
    CountDownLatch more = new CountDownLatch(1);
    request.demand(more::countDown);
    if (!more.await(idleTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw stalled();
    }
  }

  private ApiException tooLarge() {
    return new ApiException(
        ErrorCode.PAYLOAD_TOO_LARGE, "Request body is larger than " + maxBytes + " bytes");
  }

  private ApiException stalled() {
    return new ApiException(
        ErrorCode.REQUEST_TIMEOUT,
        "Request body stalled: nothing arrived for "
            + idleTimeout.toMillis()
            + " ms before it was complete");
  }

  /** Jetty's own failures while reading: the connection's idle timeout, or an early end. */
  private ApiException failed(Throwable failure) {
    if (failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException) {
      return stalled();
    }
    if (failure instanceof EofException) {
      return new ApiException(
          ErrorCode.REQUEST_TIMEOUT, "Request body ended before it was complete");
    }
    return new ApiException(
        ErrorCode.BAD_REQUEST, "Request body could not be read: " + failure.getMessage());
  }

  /** The request, its body replaced by the bytes already read. */
  private static final class BufferedRequest extends Request.Wrapper {

    private final Content.Source body;

    BufferedRequest(Request request, byte[] body) {
      super(request);
      this.body = Content.Source.from(ByteBuffer.wrap(body));
    }

    @Override
    public Content.Chunk read() {
      return body.read();
    }

    @Override
    public void demand(Runnable demandCallback) {
      body.demand(demandCallback);
    }

    @Override
    public void fail(Throwable failure) {
      body.fail(failure);
    }

    @Override
    public void fail(Throwable failure, boolean last) {
      body.fail(failure, last);
    }
  }
}
