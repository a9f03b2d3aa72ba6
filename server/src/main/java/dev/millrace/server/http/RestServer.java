package dev.millrace.server.http;

import dev.millrace.server.service.EngineFacade;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Millrace's REST API server: ksqlDB's endpoints on one port, speaking HTTP/1.1 and HTTP/2 (in
 * cleartext by prior knowledge or by upgrade, over TLS by ALPN), delegating all work to an {@link
 * EngineFacade}. A {@link RestSecurity} adds TLS and logins.
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
  private final String scheme;

  /** A server on {@code host:port} with default {@link Options}. */
  public RestServer(EngineFacade engine, String host, int port) {
    this(engine, Options.of(host, port));
  }

  /** A plain HTTP server, open to every client. */
  public RestServer(EngineFacade engine, Options options) {
    this(engine, options, RestSecurity.NONE);
  }

  /** A server protected by {@code security}: TLS on its listener, logins. */
  public RestServer(EngineFacade engine, Options options, RestSecurity security) {
    Objects.requireNonNull(engine, "engine");
    this.scheme = security.scheme();
    this.keepAlive = options.keepAlive();
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("millrace-http");
    server = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    // Command ids hold slashes: /status/{commandId} clients may send them encoded, as %2F.
    config.setUriCompliance(
        UriCompliance.DEFAULT.with(
            "encoded slashes in command ids", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
    connector = Listeners.connector(server, config, options.headerTimeout(), security.tls());
    connector.setHost(options.host());
    connector.setPort(options.port());
    connector.setIdleTimeout(options.idleTimeout().toMillis());
    server.addConnector(connector);
    Handler api =
        new BufferedBodies(
            routes(engine, options),
            options.maxBodyBytes(),
            options.bodyIdleTimeout(),
            Set.of(InsertsStreamResource.PATH));
    server.setHandler(
        security.basicAuth().map(auth -> BasicAuthentication.wrap(api, auth)).orElse(api));
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

  private ApiRouter routes(EngineFacade engine, Options options) {
    QueryStarter starter = new QueryStarter(engine, active);
    StatusResource status = new StatusResource(engine);
    return new ApiRouter()
        .route("POST", "/ksql", new KsqlResource(engine))
        .route("POST", "/ksql/terminate", new TerminateClusterResource(engine))
        .route("POST", "/query", new QueryResource(starter))
        .route("POST", "/query-stream", new QueryStreamResource(starter))
        .route("POST", "/close-query", new CloseQueryResource(active))
        .route(
            "POST",
            InsertsStreamResource.PATH,
            new InsertsStreamResource(engine, options.maxBodyBytes()))
        .route("GET", "/info", new InfoResource(engine))
        .route("GET", "/healthcheck", new HealthCheckResource(engine))
        .route("GET", "/metrics", new MetricsResource(engine))
        .route("GET", "/status", status)
        .routePrefix("GET", StatusResource.PREFIX, status)
        .routePrefix("GET", IsValidPropertyResource.PREFIX, new IsValidPropertyResource(engine))
        .route("GET", "/clusterStatus", new ClusterStatusResource(engine, Clock.systemUTC()))
        .route("GET", "/lag", new LagResource(engine));
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

  /** The base URI clients use, for example {@code http://localhost:8088} or {@code https://...}. */
  public URI uri() {
    String host =
        connector.getHost() == null || connector.getHost().equals("0.0.0.0")
            ? "localhost"
            : connector.getHost();
    return URI.create(scheme + "://" + host + ":" + port());
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
