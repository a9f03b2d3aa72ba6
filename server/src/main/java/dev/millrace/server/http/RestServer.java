package dev.millrace.server.http;

import dev.millrace.server.service.EngineFacade;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * Millrace's REST API server: ksqlDB's endpoints on one or more {@link Listener listeners},
 * speaking HTTP/1.1 and HTTP/2 (in cleartext by prior knowledge or by upgrade, over TLS by ALPN),
 * delegating all work to an {@link EngineFacade}. A {@link RestSecurity} gives the TLS of its
 * {@code https} listeners, and logins.
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
   * @param listeners where to listen, the first being the one {@link #uri()} names
   * @param keepAlive how often an idle push-query stream writes a newline, where its format allows,
   *     to find clients that left
   * @param idleTimeout how long a connection may sit idle outside a streaming query
   * @param maxBodyBytes the largest request body read; larger ones are answered 413
   * @param bodyIdleTimeout how long a request body may stall before the request is answered 408
   * @param headerTimeout how long an HTTP/1 client may take to send a request line and headers,
   *     however slowly it trickles them in; then it is answered 408 and disconnected
   * @param insertsIdleTimeout how long an {@code /inserts-stream} request may go without a row
   *     before it is ended with an error, so that an idle client holds no server thread for ever;
   *     its connection may stay idle that long, even when that is longer than {@code idleTimeout}
   */
  public record Options(
      List<Listener> listeners,
      Duration keepAlive,
      Duration idleTimeout,
      int maxBodyBytes,
      Duration bodyIdleTimeout,
      Duration headerTimeout,
      Duration insertsIdleTimeout) {

    /** 1 MiB: a batch of statements is text, not data. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public static final Duration DEFAULT_BODY_IDLE_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_INSERTS_IDLE_TIMEOUT = Duration.ofMinutes(10);

    public Options {
      listeners = List.copyOf(listeners);
      if (listeners.isEmpty()) {
        throw new IllegalArgumentException("a server needs a listener");
      }
      Objects.requireNonNull(keepAlive, "keepAlive");
      Objects.requireNonNull(idleTimeout, "idleTimeout");
      Objects.requireNonNull(bodyIdleTimeout, "bodyIdleTimeout");
      Objects.requireNonNull(headerTimeout, "headerTimeout");
      Objects.requireNonNull(insertsIdleTimeout, "insertsIdleTimeout");
    }

    /**
     * Listens on {@code http://host:port}, keep-alive every second, idle timeout 30 seconds, and
     * the default body and header limits.
     */
    public static Options of(String host, int port) {
      return of(List.of(Listener.http(host, port)));
    }

    /** As {@link #of(String, int)}, on these listeners. */
    public static Options of(List<Listener> listeners) {
      return new Options(
          listeners,
          Duration.ofSeconds(1),
          Duration.ofSeconds(30),
          DEFAULT_MAX_BODY_BYTES,
          DEFAULT_BODY_IDLE_TIMEOUT,
          DEFAULT_HEADER_TIMEOUT,
          DEFAULT_INSERTS_IDLE_TIMEOUT);
    }

    public Options withKeepAlive(Duration keepAlive) {
      return new Options(
          listeners,
          keepAlive,
          idleTimeout,
          maxBodyBytes,
          bodyIdleTimeout,
          headerTimeout,
          insertsIdleTimeout);
    }

    public Options withIdleTimeout(Duration idleTimeout) {
      return new Options(
          listeners,
          keepAlive,
          idleTimeout,
          maxBodyBytes,
          bodyIdleTimeout,
          headerTimeout,
          insertsIdleTimeout);
    }

    public Options withInsertsIdleTimeout(Duration insertsIdleTimeout) {
      return new Options(
          listeners,
          keepAlive,
          idleTimeout,
          maxBodyBytes,
          bodyIdleTimeout,
          headerTimeout,
          insertsIdleTimeout);
    }

    /** These limits on reading requests, in place of the defaults. */
    public Options withRequestLimits(
        int maxBodyBytes, Duration bodyIdleTimeout, Duration headerTimeout) {
      return new Options(
          listeners,
          keepAlive,
          idleTimeout,
          maxBodyBytes,
          bodyIdleTimeout,
          headerTimeout,
          insertsIdleTimeout);
    }
  }

  private final Server server;
  private final List<ServerConnector> connectors = new ArrayList<>();
  private final List<Listener> listeners;
  private final ActiveQueries active = new ActiveQueries();
  private final Duration keepAlive;
  private final ScheduledExecutorService keepAliveTimer;

  /** A server on {@code host:port} with default {@link Options}. */
  public RestServer(EngineFacade engine, String host, int port) {
    this(engine, Options.of(host, port));
  }

  /** A plain HTTP server, open to every client. */
  public RestServer(EngineFacade engine, Options options) {
    this(engine, options, RestSecurity.NONE);
  }

  /**
   * A server protected by {@code security}: TLS on its {@code https} listeners, logins. An {@code
   * https} listener without TLS settings is refused rather than served in cleartext.
   */
  public RestServer(EngineFacade engine, Options options, RestSecurity security) {
    Objects.requireNonNull(engine, "engine");
    this.listeners = options.listeners();
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
    for (Listener listener : listeners) {
      ServerConnector connector =
          Listeners.connector(server, config, options.headerTimeout(), tls(listener, security));
      connector.setHost(listener.host());
      connector.setPort(listener.port());
      connector.setIdleTimeout(options.idleTimeout().toMillis());
      server.addConnector(connector);
      connectors.add(connector);
    }
    // Writes the keep-alives of idle push queries and checks idle insert streams.
    keepAliveTimer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "millrace-http-timer");
              thread.setDaemon(true);
              return thread;
            });
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
  }

  private static Optional<TlsSettings> tls(Listener listener, RestSecurity security) {
    if (!listener.secure()) {
      return Optional.empty();
    }
    if (security.tls().isEmpty()) {
      throw new IllegalArgumentException(
          "the listener https://"
              + listener.host()
              + ":"
              + listener.port()
              + " needs TLS settings (ssl.keystore.location)");
    }
    return security.tls();
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
            new InsertsStreamResource(
                engine, options.maxBodyBytes(), options.insertsIdleTimeout(), keepAliveTimer))
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

  /**
   * The port the first listener listens on: the configured one, or the one chosen when 0 was
   * configured.
   */
  public int port() {
    return connectors.get(0).getLocalPort();
  }

  /**
   * The base URI clients use on the first listener, for example {@code http://localhost:8088} or
   * {@code https://...}.
   */
  public URI uri() {
    return uris().get(0);
  }

  /** The base URI of each listener, in the configured order. */
  public List<URI> uris() {
    List<URI> uris = new ArrayList<>();
    for (int i = 0; i < listeners.size(); i++) {
      String host = listeners.get(i).host();
      uris.add(
          URI.create(
              listeners.get(i).scheme()
                  + "://"
                  + (host.equals("0.0.0.0") ? "localhost" : host)
                  + ":"
                  + connectors.get(i).getLocalPort()));
    }
    return List.copyOf(uris);
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
