package dev.millrace.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Notices an HTTP/1 client closing its connection while a response streams to it.
 *
 * <p>Jetty reads nothing from an HTTP/1 connection between the end of a request and the end of its
 * response, so a client that leaves an idle stream goes unnoticed until the next write; and the
 * delimited format allows no keep-alive writes. The watch asks to be told when the socket becomes
 * readable: a client of a streaming response sends nothing more, so readable means closed. The
 * connection is not reused after such a response: the watch holds its read interest until the end.
 * (HTTP/2 needs no watch: the client's reset reaches the request's failure listeners.)
 */
final class DisconnectWatch implements Callback {

  private final EndPoint endPoint;
  private final Consumer<Throwable> onClosed;

  private DisconnectWatch(EndPoint endPoint, Consumer<Throwable> onClosed) {
    this.endPoint = endPoint;
    this.onClosed = onClosed;
  }

  /**
   * Starts watching when {@code request} came over HTTP/1, and marks the response as the last on
   * its connection; does nothing for other protocols. Call before the response is committed.
   */
  static void watch(Request request, Response response, Consumer<Throwable> onClosed) {
    HttpVersion version = request.getConnectionMetaData().getHttpVersion();
    if (version == HttpVersion.HTTP_1_1 || version == HttpVersion.HTTP_1_0) {
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
      EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
      endPoint.tryFillInterested(new DisconnectWatch(endPoint, onClosed));
    }
  }

  @Override
  public void succeeded() {
    try {
      ByteBuffer probe = BufferUtil.allocate(1);
      int read = endPoint.fill(probe);
      if (read < 0) {
        onClosed.accept(new EofException("client closed the connection"));
      } else {
        // Nothing, or a stray byte from a confused client: keep watching.
        endPoint.tryFillInterested(this);
      }
    } catch (IOException e) {
      onClosed.accept(e);
    }
  }

  @Override
  public void failed(Throwable cause) {
    onClosed.accept(cause);
  }
}
