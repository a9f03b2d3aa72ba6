package dev.millrace.server.http;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@code https} listener encrypts its connections and, optionally, checks its clients'
 * certificates (mutual TLS).
 *
 * @param keyStore the server's private key and certificate chain
 * @param keyPassword the password of the key inside the key store, when it differs from the store's
 * @param trustStore the certificates that client certificates must chain to; needed when clients
 *     are asked for certificates
 * @param clientAuthentication whether clients must, may or need not present a certificate
 * @param protocols the TLS versions allowed (for example {@code TLSv1.3}); empty means Jetty's
 *     default set
 * @param cipherSuites the cipher suites allowed; empty means Jetty's default set
 * @param protocol the name of the {@link javax.net.ssl.SSLContext} protocol, usually {@code TLS}
 * @param provider the JCA security provider of the TLS implementation; empty means the JVM's
 * @param keyManagerAlgorithm the key manager factory algorithm; empty means the JVM's default
 * @param trustManagerAlgorithm the trust manager factory algorithm; empty means the JVM's default
 */
public record TlsSettings(
    Store keyStore,
    Optional<String> keyPassword,
    Optional<Store> trustStore,
    ClientAuthentication clientAuthentication,
    List<String> protocols,
    List<String> cipherSuites,
    String protocol,
    Optional<String> provider,
    Optional<String> keyManagerAlgorithm,
    Optional<String> trustManagerAlgorithm) {

  /** A key store or trust store file. */
  public record Store(Path location, String password, String type) {
    public Store {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(type, "type");
    }
  }

  /** ksqlDB's {@code ssl.client.authentication} values. */
  public enum ClientAuthentication {
    /** Clients are not asked for a certificate. */
    NONE,
    /** Clients are asked for a certificate; one that is presented must be trusted. */
    REQUESTED,
    /** Clients without a trusted certificate cannot connect. */
    REQUIRED
  }

  public TlsSettings {
    Objects.requireNonNull(keyStore, "keyStore");
    Objects.requireNonNull(keyPassword, "keyPassword");
    Objects.requireNonNull(trustStore, "trustStore");
    Objects.requireNonNull(clientAuthentication, "clientAuthentication");
    protocols = List.copyOf(protocols);
    cipherSuites = List.copyOf(cipherSuites);
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(keyManagerAlgorithm, "keyManagerAlgorithm");
    Objects.requireNonNull(trustManagerAlgorithm, "trustManagerAlgorithm");
    if (clientAuthentication != ClientAuthentication.NONE && trustStore.isEmpty()) {
      throw new IllegalArgumentException("client authentication needs a trust store");
    }
  }

  /** TLS with this key store, default protocols and ciphers, and no client certificates. */
  public static TlsSettings of(Store keyStore) {
    return new TlsSettings(
        keyStore,
        Optional.empty(),
        Optional.empty(),
        ClientAuthentication.NONE,
        List.of(),
        List.of(),
        "TLS",
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** These settings with clients' certificates checked against {@code trustStore}. */
  public TlsSettings withClientAuthentication(ClientAuthentication mode, Store trustStore) {
    return new TlsSettings(
        keyStore,
        keyPassword,
        Optional.of(trustStore),
        mode,
        protocols,
        cipherSuites,
        protocol,
        provider,
        keyManagerAlgorithm,
        trustManagerAlgorithm);
  }
}
