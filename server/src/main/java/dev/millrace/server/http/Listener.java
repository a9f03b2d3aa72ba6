package dev.millrace.server.http;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * One address the REST API listens on, as an entry of ksqlDB's {@code listeners} setting: {@code
 * http://host:port} in cleartext, or {@code https://host:port} with the server's TLS settings.
 *
 * @param secure whether the listener speaks TLS ({@code https})
 * @param host the address to listen on, for example {@code 0.0.0.0} or {@code localhost}
 * @param port the port, or 0 for any free one
 */
public record Listener(boolean secure, String host, int port) {

  public Listener {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("a port is 0..65535, not " + port);
    }
  }

  /** A cleartext listener. */
  public static Listener http(String host, int port) {
    return new Listener(false, host, port);
  }

  /** A TLS listener. */
  public static Listener https(String host, int port) {
    return new Listener(true, host, port);
  }

  /**
   * The listener of a {@code listeners} entry; any scheme but {@code http} and {@code https} is
   * refused.
   */
  public static Listener of(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "http" -> http(uri.getHost(), uri.getPort());
      case "https" -> https(uri.getHost(), uri.getPort());
      default ->
          throw new IllegalArgumentException(
              "unsupported listener scheme '" + uri.getScheme() + "' (http or https)");
    };
  }

  /** {@code http} or {@code https}. */
  public String scheme() {
    return secure ? "https" : "http";
  }
}
