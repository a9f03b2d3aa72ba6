package dev.millrace.server.http;

import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The REST API's listening socket: cleartext HTTP/1.1 and HTTP/2 (h2c), or the same two over TLS
 * with the protocol chosen by ALPN, as ksqlDB's clients expect from an {@code https} listener.
 */
final class Listeners {

  private Listeners() {}

  static ServerConnector connector(
      Server server, HttpConfiguration config, Duration headerTimeout, Optional<TlsSettings> tls) {
    if (tls.isEmpty()) {
      return new ServerConnector(
          server,
          new HeaderDeadline(config, headerTimeout),
          new HTTP2CServerConnectionFactory(config));
    }
    HttpConfiguration secure = new HttpConfiguration(config);
    // No check of the Host header against the certificate's names: clients reach servers by
    // addresses the certificate may not list (an IP, a load balancer's name), as with ksqlDB.
    secure.addCustomizer(new SecureRequestCustomizer(false));
    ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
    alpn.setDefaultProtocol("http/1.1");
    return new ServerConnector(
        server,
        new SslConnectionFactory(contextFactory(tls.get()), alpn.getProtocol()),
        alpn,
        new HTTP2ServerConnectionFactory(secure),
        new HeaderDeadline(secure, headerTimeout));
  }

  private static SslContextFactory.Server contextFactory(TlsSettings tls) {
    SslContextFactory.Server factory = new SslContextFactory.Server();
    factory.setKeyStorePath(tls.keyStore().location().toString());
    factory.setKeyStorePassword(tls.keyStore().password());
    factory.setKeyStoreType(tls.keyStore().type());
    tls.keyPassword().ifPresent(factory::setKeyManagerPassword);
    tls.trustStore()
        .ifPresent(
            store -> {
              factory.setTrustStorePath(store.location().toString());
              factory.setTrustStorePassword(store.password());
              factory.setTrustStoreType(store.type());
            });
    switch (tls.clientAuthentication()) {
      case NONE -> {}
      case REQUESTED -> factory.setWantClientAuth(true);
      case REQUIRED -> factory.setNeedClientAuth(true);
    }
    if (!tls.protocols().isEmpty()) {
      factory.setIncludeProtocols(tls.protocols().toArray(String[]::new));
    }
    if (!tls.cipherSuites().isEmpty()) {
      factory.setIncludeCipherSuites(tls.cipherSuites().toArray(String[]::new));
    }
    factory.setProtocol(tls.protocol());
    tls.provider().ifPresent(factory::setProvider);
    tls.keyManagerAlgorithm().ifPresent(factory::setKeyManagerFactoryAlgorithm);
    tls.trustManagerAlgorithm().ifPresent(factory::setTrustManagerFactoryAlgorithm);
    return factory;
  }
}
