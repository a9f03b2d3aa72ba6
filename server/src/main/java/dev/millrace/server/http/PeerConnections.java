package dev.millrace.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * The HTTP client through which a server asks the other servers of its service (which share its
 * configuration): over TLS it trusts what the server's {@code ssl.truststore.*} trusts (the JVM's
 * authorities when none is set) and presents the server's own key store as its client certificate,
 * for peers that ask for one (mutual TLS).
 */
public final class PeerConnections {

  private PeerConnections() {}

  /** A client for peers reached over plain HTTP, or over TLS as {@code tls} says. */
  public static HttpClient client(Optional<TlsSettings> tls, Duration connectTimeout) {
    HttpClient.Builder builder =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout);
    tls.ifPresent(
        settings -> {
          builder.sslContext(context(settings));
          SSLParameters parameters = new SSLParameters();
          if (!settings.protocols().isEmpty()) {
            parameters.setProtocols(settings.protocols().toArray(String[]::new));
          }
          if (!settings.cipherSuites().isEmpty()) {
            parameters.setCipherSuites(settings.cipherSuites().toArray(String[]::new));
          }
          builder.sslParameters(parameters);
        });
    return builder.build();
  }

  private static SSLContext context(TlsSettings tls) {
    try {
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(
              tls.keyManagerAlgorithm().orElse(KeyManagerFactory.getDefaultAlgorithm()));
      keys.init(
          load(tls.keyStore()), tls.keyPassword().orElse(tls.keyStore().password()).toCharArray());
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(
              tls.trustManagerAlgorithm().orElse(TrustManagerFactory.getDefaultAlgorithm()));
      // A null store means the JVM's own authorities, as for any https client.
      trust.init(tls.trustStore().isPresent() ? load(tls.trustStore().get()) : null);
      SSLContext context =
          tls.provider().isPresent()
              ? SSLContext.getInstance(tls.protocol(), tls.provider().get())
              : SSLContext.getInstance(tls.protocol());
      context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot set up TLS to the other servers of the service: " + e.getMessage(), e);
    }
  }

  private static KeyStore load(TlsSettings.Store store)
      throws IOException, GeneralSecurityException {
    KeyStore keyStore = KeyStore.getInstance(store.type());
    try (InputStream in = Files.newInputStream(store.location())) {
      keyStore.load(in, store.password().toCharArray());
    }
    return keyStore;
  }
}
