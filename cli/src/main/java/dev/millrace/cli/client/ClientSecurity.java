package dev.millrace.cli.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How the client proves itself to a secured server and which servers it trusts.
 *
 * @param tls the trust (and, for mutual TLS, the key) used for {@code https} servers; empty means
 *     the JVM's default trust store
 * @param user the BASIC login's user name, when the server asks for one
 * @param password the BASIC login's password
 */
public record ClientSecurity(Optional<SSLContext> tls, Optional<String> user, String password) {

  /** The JVM's default trust, no login. */
  public static final ClientSecurity NONE =
      new ClientSecurity(Optional.empty(), Optional.empty(), "");

  public ClientSecurity {
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /** The {@code Authorization} header value of the login, if there is one. */
  Optional<String> authorization() {
    return user.map(
        name ->
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }
}
