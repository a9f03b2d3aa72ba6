package dev.millrace.server.http;

import dev.millrace.server.service.EngineFacade;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Millrace's REST API server: ksqlDB's endpoints on one port, speaking HTTP/1.1 and cleartext
 * HTTP/2 (by prior knowledge or by upgrade), delegating all work to an {@link EngineFacade}.
 *
 * <pre>{@code
 * RestServer server = new RestServer(engine, "0.0.0.0", RestServer.DEFAULT_PORT);
 * server.start();
 * ...
 * server.close();
 * }</pre>
 */
public final class RestServer implements AutoCloseable {

  /** ksqlDB's port, and so Millrace's. */
  public static final int DEFAULT_PORT = 8088;

  /**
   * How the server listens, and how long and how much it waits for clients.
   *
   * @param host the address to listen on, for example {@code 0.0.0.0} or {@code localhost}
   * @param port the port, or 0 for any free one (see {@link #port()})
   * @param keepAlive how often an idle push-query stream writes a newline, where its format allows,
   *     to find clients that left
   * @param idleTimeout how long a connection may sit idle outside a streaming query
   * @param maxBodyBytes the largest request body read; larger ones are answered 413
   * @param bodyIdleTimeout how long a request body may stall before the request is answered 408
   * @param headerTimeout how long an HTTP/1 client may take to send a request line and headers,
   *     however slowly it trickles them in; then it is answered 408 and disconnected
   */
  public record Options(
      String host,
      int port,
      Duration keepAlive,
      Duration idleTimeout,
      int maxBodyBytes,
      Duration bodyIdleTimeout,
      Duration headerTimeout) {

    /** 1 MiB: a batch of statements is text, not data. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public static final Duration DEFAULT_BODY_IDLE_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);

    public Options {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(keepAlive, "keepAlive");
      Objects.requireNonNull(idleTimeout, "idleTimeout");
      Objects.requireNonNull(bodyIdleTimeout, "bodyIdleTimeout");
      Objects.requireNonNull(headerTimeout, "headerTimeout");
    }

    /**
     * Listens on {@code host:port}, keep-alive every second, idle timeout 30 seconds, and the
     * default body and header limits.
     */
    public static Options of(String host, int port) {
      return new Options(
          host,
          port,
          Duration.ofSeconds(1),
          Duration.ofSeconds(30),
          DEFAULT_MAX_BODY_BYTES,
          DEFAULT_BODY_IDLE_TIMEOUT,
          DEFAULT_HEADER_TIMEOUT);
    }

    public Options withKeepAlive(Duration keepAlive) {
      return new Options(
          host, port, keepAlive, idleTimeout, maxBodyBytes, bodyIdleTimeout, headerTimeout);
    }

    public Options withIdleTimeout(Duration idleTimeout) {
      return new Options(
          host, port, keepAlive, idleTimeout, maxBodyBytes, bodyIdleTimeout, headerTimeout);
    }

    /** These limits on reading requests, in place of the defaults. */
    public Options withRequestLimits(
        int maxBodyBytes, Duration bodyIdleTimeout, Duration headerTimeout) {
      return new Options(
          host, port, keepAlive, idleTimeout, maxBodyBytes, bodyIdleTimeout, headerTimeout);
    }
  }

  private final Server server;
  private final ServerConnector connector;
  private final ActiveQueries active = new ActiveQueries();
  private final Duration keepAlive;
  private final ScheduledExecutorService keepAliveTimer;

  /** A server on {@code host:port} with default {@link Options}. */
  public RestServer(EngineFacade engine, String host, int port) {
    this(engine, Options.of(host, port));
  }

  public RestServer(EngineFacade engine, Options options) {
    Objects.requireNonNull(engine, "engine");
    this.keepAlive = options.keepAlive();
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("millrace-http");
    server = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    connector =
        new ServerConnector(
            server,
            new HeaderDeadline(config, options.headerTimeout()),
            new HTTP2CServerConnectionFactory(config));
    connector.setHost(options.host());
    connector.setPort(options.port());
    connector.setIdleTimeout(options.idleTimeout().toMillis());
    server.addConnector(connector);
    server.setHandler(
        new BufferedBodies(routes(engine), options.maxBodyBytes(), options.bodyIdleTimeout()));
    server.setErrorHandler(new JsonErrorHandler());
    server.setStopTimeout(5_000);
    keepAliveTimer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "millrace-http-keepalive");
              thread.setDaemon(true);
              return thread;
            });
  }

  private ApiRouter routes(EngineFacade engine) {
    QueryStarter starter = new QueryStarter(engine, active);
    StatusResource status = new StatusResource(engine);
    return new ApiRouter()
        .route("POST", "/ksql", new KsqlResource(engine))
        .route("POST", "/query", new QueryResource(starter))
        .route("POST", "/query-stream", new QueryStreamResource(starter))
        .route("POST", "/close-query", new CloseQueryResource(active))
        .route("GET", "/info", new InfoResource(engine))
        .route("GET", "/healthcheck", new HealthCheckResource(engine))
        .route("GET", "/metrics", new MetricsResource(engine))
        .route("GET", "/status", status)
        .routePrefix("GET", StatusResource.PREFIX, status)
        .route("GET", "/clusterStatus", new ClusterStatusResource(Clock.systemUTC()));
  }

  /** Starts listening; fails if the port is taken. */
  public void start() throws Exception {
    server.start();
    long nanos = keepAlive.toNanos();
    keepAliveTimer.scheduleWithFixedDelay(
        () -> active.keepAlive(nanos), nanos, nanos, TimeUnit.NANOSECONDS);
  }

  /** The port listened on: the configured one, or the one chosen when 0 was configured. */
  public int port() {
    return connector.getLocalPort();
  }

  /** The base URI clients use, for example {@code http://localhost:8088}. */
  public URI uri() {
    String host =
        connector.getHost() == null || connector.getHost().equals("0.0.0.0")
            ? "localhost"
            : connector.getHost();
    return URI.create("http://" + host + ":" + port());
  }

  /** Number of push queries streaming right now. */
  public int activeQueries() {
    return active.size();
  }

  /** Ends every streaming query, then stops listening. */
  @Override
  public void close() throws Exception {
    keepAliveTimer.shutdownNow();
    active.closeAll();
    server.stop();
  }
}
