package dev.millrace.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * A response body written piece by piece from any thread, one Jetty write at a time.
 *
 * <p>Text appended while a write is in flight is gathered and sent in the next write, so a fast
 * query costs few writes and a slow client holds back the rows behind it. Once a write completes,
 * the rows it carried are reported to {@code onRowsFlushed} so the query can send that many more:
 * at most one window of rows is ever buffered per query.
 */
final class ResponseStream extends IteratingCallback {

  private final Response response;
  private final Callback completion;
  private final IntConsumer onRowsFlushed;
  private final Consumer<Throwable> onFailure;
  private final Object lock = new Object();
  private StringBuilder pending = new StringBuilder();
  private int pendingRows;
  private int rowsInFlight;
  private boolean closing;
  private boolean lastWritten;
  private volatile long lastWriteNanos = System.nanoTime();

  /**
   * @param completion completed when the whole response is written, or failed
   * @param onRowsFlushed told how many rows each completed write carried
   * @param onFailure told when writing fails, for example because the client left
   */
  ResponseStream(
      Response response,
      Callback completion,
      IntConsumer onRowsFlushed,
      Consumer<Throwable> onFailure) {
    this.response = response;
    this.completion = completion;
    this.onRowsFlushed = onRowsFlushed;
    this.onFailure = onFailure;
  }

  /** Queues {@code text}, which holds {@code rows} result rows, for writing. */
  void append(String text, int rows) {
    synchronized (lock) {
      if (closing) {
        return;
      }
      pending.append(text);
      pendingRows += rows;
    }
    iterate();
  }

  /** Queues {@code text} as the end of the body and completes the response after it. */
  void close(String text) {
    synchronized (lock) {
      if (closing) {
        return;
      }
      pending.append(text);
      closing = true;
    }
    iterate();
  }

  /** Writes a newline when nothing was written for {@code idleNanos}, to detect a gone client. */
  void keepAlive(long idleNanos) {
    if (System.nanoTime() - lastWriteNanos >= idleNanos) {
      append("\n", 0);
    }
  }

  @Override
  protected Action process() {
    reportFlushedRows();
    String chunk;
    boolean last;
    synchronized (lock) {
      if (lastWritten) {
        return Action.SUCCEEDED;
      }
      if (pending.length() == 0 && !closing) {
        return Action.IDLE;
      }
      chunk = pending.toString();
      pending = new StringBuilder();
      rowsInFlight = pendingRows;
      pendingRows = 0;
      last = closing;
      lastWritten = last;
    }
    lastWriteNanos = System.nanoTime();
    response.write(last, ByteBuffer.wrap(chunk.getBytes(StandardCharsets.UTF_8)), this);
    return Action.SCHEDULED;
  }

  private void reportFlushedRows() {
    int flushed = rowsInFlight;
    rowsInFlight = 0;
    if (flushed > 0) {
      onRowsFlushed.accept(flushed);
    }
  }

  @Override
  protected void onCompleteSuccess() {
    completion.succeeded();
  }

  @Override
  protected void onCompleteFailure(Throwable cause) {
    onFailure.accept(cause);
    completion.failed(cause);
  }
}
