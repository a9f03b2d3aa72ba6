package dev.millrace.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.server.http.TlsSettings.ClientAuthentication;
import dev.millrace.server.http.TlsSettings.Store;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS, mutual TLS and BASIC logins of the REST API, over real sockets with real certificates. */
class RestSecurityTest {

  @TempDir static Path dir;
  static TestCertificates authority;
  static Store serverKeys;
  static Store trusted;
  static Path clientKeys;

  @BeforeAll
  static void certificates() throws Exception {
    authority = TestCertificates.authority(dir, "Millrace Test CA");
    serverKeys =
        new Store(authority.keyStore("server", "PKCS12"), TestCertificates.PASSWORD, "PKCS12");
    trusted = new Store(authority.trustStore(), TestCertificates.PASSWORD, "JKS");
    clientKeys = authority.keyStore("client", "JKS");
  }

  @Test
  void httpsListenerSpeaksTlsOnly() throws Exception {
    try (RestServer server = start(tls(), Optional.empty())) {
      assertEquals("https", server.uri().getScheme());
      HttpResponse<String> response = get(client(authority.clientContext()), server, "/info");
      assertEquals(200, response.statusCode());
      assertTrue(response.body().contains("KsqlServerInfo"), response.body());

      URI plain = URI.create("http://127.0.0.1:" + server.port() + "/info");
      assertThrows(
          IOException.class,
          () -> send(HttpClient.newHttpClient(), HttpRequest.newBuilder(plain).GET()));
    }
  }

  @Test
  void eachListenerIsServedWithItsOwnScheme() throws Exception {
    try (RestServer server =
        new RestServer(
            new FakeEngine(),
            RestServer.Options.of(
                List.of(Listener.http("127.0.0.1", 0), Listener.https("127.0.0.1", 0))),
            new RestSecurity(Optional.of(tls()), Optional.empty()))) {
      server.start();
      URI plain = server.uris().get(0);
      URI secure = server.uris().get(1);
      assertEquals("http", plain.getScheme());
      assertEquals("https", secure.getScheme());

      HttpResponse<String> overHttp =
          send(HttpClient.newHttpClient(), HttpRequest.newBuilder(plain.resolve("/info")).GET());
      HttpResponse<String> overHttps =
          send(
              client(authority.clientContext()),
              HttpRequest.newBuilder(secure.resolve("/info")).GET());
      assertEquals(200, overHttp.statusCode());
      assertEquals(200, overHttps.statusCode());
      assertEquals(overHttp.body(), overHttps.body());

      URI cleartextOnTheTlsPort = URI.create("http://127.0.0.1:" + secure.getPort() + "/info");
      assertThrows(
          IOException.class,
          () ->
              send(
                  HttpClient.newHttpClient(), HttpRequest.newBuilder(cleartextOnTheTlsPort).GET()));
    }
  }

  @Test
  void anHttpsListenerWithoutTlsSettingsIsRefusedNotServedInCleartext() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new RestServer(
                    new FakeEngine(),
                    RestServer.Options.of(
                        List.of(Listener.http("127.0.0.1", 0), Listener.https("127.0.0.1", 8443))),
                    RestSecurity.NONE));
    assertEquals(
        "the listener https://127.0.0.1:8443 needs TLS settings (ssl.keystore.location)",
        refused.getMessage());
  }

  @Test
  void clientsThatDoNotTrustTheCertificateCannotConnect() throws Exception {
    TestCertificates stranger = TestCertificates.authority(dir, "Someone Else");
    try (RestServer server = start(tls(), Optional.empty())) {
      assertThrows(
          SSLHandshakeException.class,
          () -> get(client(stranger.clientContext()), server, "/info"));
    }
  }

  @Test
  void tlsNegotiatesHttp2ByAlpn() throws Exception {
    try (RestServer server = start(tls(), Optional.empty())) {
      HttpClient http2 =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_2)
              .sslContext(authority.clientContext())
              .build();
      HttpResponse<String> response = get(http2, server, "/info");
      assertEquals(200, response.statusCode());
      assertEquals(HttpClient.Version.HTTP_2, response.version());
    }
  }

  @Test
  void requiredClientAuthenticationTurnsAwayClientsWithoutACertificate() throws Exception {
    TlsSettings mutual = tls().withClientAuthentication(ClientAuthentication.REQUIRED, trusted);
    try (RestServer server = start(mutual, Optional.empty())) {
      assertThrows(
          IOException.class, () -> get(client(authority.clientContext()), server, "/info"));

      HttpClient withCertificate = client(authority.clientContext(clientKeys, "JKS"));
      assertEquals(200, get(withCertificate, server, "/info").statusCode());
    }
  }

  @Test
  void requestedClientAuthenticationLetsClientsWithoutACertificateIn() throws Exception {
    TlsSettings mutual = tls().withClientAuthentication(ClientAuthentication.REQUESTED, trusted);
    try (RestServer server = start(mutual, Optional.empty())) {
      assertEquals(200, get(client(authority.clientContext()), server, "/info").statusCode());
      HttpClient withCertificate = client(authority.clientContext(clientKeys, "JKS"));
      assertEquals(200, get(withCertificate, server, "/info").statusCode());
    }
  }

  @Test
  void basicAuthenticationChallengesRequestsWithoutValidCredentials() throws Exception {
    try (RestServer server = start(null, Optional.of(basicAuth(Set.of("admin", "user"))))) {
      HttpClient http = HttpClient.newHttpClient();

      HttpResponse<String> anonymous = get(http, server, "/info");
      assertEquals(401, anonymous.statusCode());
      assertEquals(
          Optional.of("Basic realm=\"KsqlServer-Props\""),
          anonymous.headers().firstValue("WWW-Authenticate"));
      TestServer.assertJson(
          "{\"@type\":\"generic_error\",\"error_code\":40100,\"message\":\"Unauthorized\"}",
          anonymous.body());

      assertEquals(401, get(http, server, "/info", "fred", "wrong").statusCode());
      assertEquals(401, get(http, server, "/info", "nobody", "letmein").statusCode());
      assertEquals(200, get(http, server, "/info", "fred", "letmein").statusCode());

      HttpResponse<String> statement =
          send(
              http,
              login(
                  HttpRequest.newBuilder(server.uri().resolve("/ksql"))
                      .header("Content-Type", "application/vnd.ksql.v1+json")
                      .POST(HttpRequest.BodyPublishers.ofString("{\"ksql\":\"SHOW STREAMS;\"}")),
                  "harry",
                  "changeme"));
      assertEquals(200, statement.statusCode(), statement.body());
      assertEquals(
          401,
          send(
                  http,
                  HttpRequest.newBuilder(server.uri().resolve("/ksql"))
                      .POST(HttpRequest.BodyPublishers.ofString("{\"ksql\":\"SHOW STREAMS;\"}")))
              .statusCode());
    }
  }

  @Test
  void usersWithoutAnAllowedRoleAreForbidden() throws Exception {
    try (RestServer server = start(null, Optional.of(basicAuth(Set.of("admin"))))) {
      HttpClient http = HttpClient.newHttpClient();
      assertEquals(200, get(http, server, "/info", "fred", "letmein").statusCode());
      assertEquals(403, get(http, server, "/info", "harry", "changeme").statusCode());
    }
  }

  @Test
  void anyRoleAdmitsEveryListedUser() throws Exception {
    try (RestServer server =
        start(null, Optional.of(basicAuth(Set.of(BasicAuthSettings.ANY_ROLE))))) {
      HttpClient http = HttpClient.newHttpClient();
      assertEquals(200, get(http, server, "/info", "harry", "changeme").statusCode());
      assertEquals(200, get(http, server, "/info", "norole", "secret").statusCode());
      assertEquals(401, get(http, server, "/info", "harry", "letmein").statusCode());
    }
  }

  @Test
  void openPathsNeedNoLogin() throws Exception {
    try (RestServer server = start(null, Optional.of(basicAuth(Set.of("admin"))))) {
      HttpClient http = HttpClient.newHttpClient();
      assertEquals(200, get(http, server, "/healthcheck").statusCode());
      assertEquals(200, get(http, server, "/clusterStatus").statusCode());
      assertEquals(401, get(http, server, "/status").statusCode());
    }
  }

  @Test
  void tlsAndBasicAuthenticationTogether() throws Exception {
    try (RestServer server = start(tls(), Optional.of(basicAuth(Set.of("admin"))))) {
      HttpClient http = client(authority.clientContext());
      assertEquals(401, get(http, server, "/info").statusCode());
      assertEquals(200, get(http, server, "/info", "fred", "letmein").statusCode());
    }
  }

  private static TlsSettings tls() {
    return TlsSettings.of(serverKeys);
  }

  private static BasicAuthSettings basicAuth(Set<String> roles) throws IOException {
    Path users = dir.resolve("users-" + String.join("-", roles.stream().sorted().toList()));
    Files.writeString(
        users,
        """
        fred: letmein,admin,user
        harry: changeme,user
        norole: secret
        """);
    return new BasicAuthSettings(
        "KsqlServer-Props", roles, users, List.of("/healthcheck", "/clusterStatus"));
  }

  private static RestServer start(TlsSettings tls, Optional<BasicAuthSettings> auth)
      throws Exception {
    RestServer server =
        new RestServer(
            new FakeEngine(),
            RestServer.Options.of(
                List.of(
                    tls == null ? Listener.http("127.0.0.1", 0) : Listener.https("127.0.0.1", 0))),
            new RestSecurity(Optional.ofNullable(tls), auth));
    server.start();
    return server;
  }

  private static HttpClient client(SSLContext context) {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context).build();
  }

  private static HttpResponse<String> get(HttpClient http, RestServer server, String path)
      throws IOException, InterruptedException {
    return send(http, HttpRequest.newBuilder(server.uri().resolve(path)).GET());
  }

  private static HttpResponse<String> get(
      HttpClient http, RestServer server, String path, String user, String password)
      throws IOException, InterruptedException {
    return send(
        http, login(HttpRequest.newBuilder(server.uri().resolve(path)).GET(), user, password));
  }

  private static HttpRequest.Builder login(
      HttpRequest.Builder request, String user, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return request.header("Authorization", "Basic " + token);
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
