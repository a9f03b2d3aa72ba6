package dev.millrace.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * HTTP/1 connections whose clients must send each request line and headers within a deadline. The
 * connection idle timeout alone does not stop a client that trickles a byte now and then
 * (slowloris) from holding a connection and a parser for hours; Jetty has no deadline of its own
 * for the request head. A watch per connection looks at its parser a few times per deadline: once a
 * head has been in progress for longer than the deadline, the client is answered 408 and
 * disconnected. Idle time between requests is the idle timeout's business, not this one's.
 */
final class HeaderDeadline extends HttpConnectionFactory {

  private final Duration deadline;

  HeaderDeadline(HttpConfiguration config, Duration deadline) {
    super(config);
    this.deadline = deadline;
  }

  @Override
  public Connection newConnection(Connector connector, EndPoint endPoint) {
    Connection connection = super.newConnection(connector, endPoint);
    if (connection instanceof HttpConnection http) {
      new Watch(http, endPoint, connector.getScheduler()).schedule();
    }
    return connection;
  }

  /** Checks one connection every quarter deadline until it closes. */
  private final class Watch implements Runnable {

    private final HttpConnection connection;
    private final EndPoint endPoint;
    private final Scheduler scheduler;
    private final long period;
    private long headSeenSince = -1;

    Watch(HttpConnection connection, EndPoint endPoint, Scheduler scheduler) {
      this.connection = connection;
      this.endPoint = endPoint;
      this.scheduler = scheduler;
      this.period = Math.max(1, deadline.toMillis() / 4);
    }

    void schedule() {
      scheduler.schedule(this, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Reads the parser's state from the scheduler's thread without locking: a stale read only
     * delays the verdict by one period, and the verdict itself is only a close.
     */
    @Override
    public void run() {
      // Closed, or upgraded to HTTP/2 (whose frames this parser no longer sees): done.
      if (!endPoint.isOpen() || endPoint.getConnection() != connection) {
        return;
      }
      HttpParser parser = connection.getParser();
      boolean readingHead = parser.inHeaderState() && !parser.isStart();
      long now = System.nanoTime();
      if (!readingHead) {
        headSeenSince = -1;
      } else if (headSeenSince < 0) {
        headSeenSince = now;
      } else if (now - headSeenSince >= deadline.toNanos()) {
        timeOut();
        return;
      }
      schedule();
    }

    private void timeOut() {
      byte[] body =
          JsonErrorHandler.body(
              408, "Request headers were not received within " + deadline.toMillis() + " ms");
      String head =
          "HTTP/1.1 408 Request Timeout\r\nContent-Type: "
              + MediaTypes.JSON
              + "\r\nContent-Length: "
              + body.length
              + "\r\nConnection: close\r\n\r\n";
      endPoint.write(
          Callback.from(endPoint::close, failure -> endPoint.close(failure)),
          ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)),
          ByteBuffer.wrap(body));
    }
  }
}
