package dev.millrace.server.http;

import java.util.Objects;
import java.util.Optional;

/**
 * How the REST API protects itself: TLS on its {@code https} listeners, and who may use it.
 *
 * @param tls present when there is an {@code https} listener
 * @param basicAuth present when clients must log in
 */
public record RestSecurity(Optional<TlsSettings> tls, Optional<BasicAuthSettings> basicAuth) {

  /** Plain HTTP, open to everyone: fine on loopback and in tests. */
  public static final RestSecurity NONE = new RestSecurity(Optional.empty(), Optional.empty());

  public RestSecurity {
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(basicAuth, "basicAuth");
  }
}
