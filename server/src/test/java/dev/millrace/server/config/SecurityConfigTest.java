package dev.millrace.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.server.http.BasicAuthSettings;
import dev.millrace.server.http.RestSecurity;
import dev.millrace.server.http.TestCertificates;
import dev.millrace.server.http.TlsSettings;
import dev.millrace.server.http.TlsSettings.ClientAuthentication;
import dev.millrace.server.http.TlsSettings.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The security settings as ksqlDB spells them, and the errors that stop a server at start-up. */
class SecurityConfigTest {

  private static final String PASSWORD = TestCertificates.PASSWORD;

  @TempDir static Path dir;
  static Path keyStore;
  static Path trustStore;
  static Path jaas;
  static Path users;

  @BeforeAll
  static void files() throws Exception {
    TestCertificates authority = TestCertificates.authority(dir, "Config Test CA");
    keyStore = authority.keyStore("server", "JKS");
    trustStore = authority.trustStore();
    users = dir.resolve("password-file");
    Files.writeString(users, "fred: letmein,admin\n");
    jaas = dir.resolve("jaas_config.conf");
    Files.writeString(
        jaas,
        """
        KsqlServer-Props {
          org.eclipse.jetty.jaas.spi.PropertyFileLoginModule required
          file="%s"
          debug="false";
        };
        Other {
          com.sun.security.auth.module.LdapLoginModule required;
        };
        """
            .formatted(users));
  }

  @Test
  void noSecuritySettingsMeanPlainHttpOpenToAll() {
    ServerConfig config = ServerConfig.of(Map.of());
    assertEquals(RestSecurity.NONE, config.restSecurity());
    assertEquals(Map.of(), config.kafkaClientSecurity());
  }

  @Test
  void httpsListenerReadsKsqlDbsSslSettings() {
    Map<String, String> settings = https();
    settings.put("ssl.key.password", PASSWORD);
    settings.put("ssl.truststore.location", trustStore.toString());
    settings.put("ssl.truststore.password", PASSWORD);
    settings.put("ssl.client.authentication", "REQUIRED");
    settings.put("ssl.enabled.protocols", "TLSv1.3, TLSv1.2");

    TlsSettings tls = ServerConfig.of(settings).restSecurity().tls().orElseThrow();

    assertEquals(new Store(keyStore, PASSWORD, "JKS"), tls.keyStore());
    assertEquals(Optional.of(PASSWORD), tls.keyPassword());
    assertEquals(Optional.of(new Store(trustStore, PASSWORD, "JKS")), tls.trustStore());
    assertEquals(ClientAuthentication.REQUIRED, tls.clientAuthentication());
    assertEquals(List.of("TLSv1.3", "TLSv1.2"), tls.protocols());
    assertEquals("TLS", tls.protocol());
  }

  @Test
  void theOlderSslClientAuthMeansRequired() {
    Map<String, String> settings = https();
    settings.put("ssl.truststore.location", trustStore.toString());
    settings.put("ssl.truststore.password", PASSWORD);
    settings.put("ssl.client.auth", "true");

    assertEquals(
        ClientAuthentication.REQUIRED,
        ServerConfig.of(settings).restSecurity().tls().orElseThrow().clientAuthentication());
  }

  @Test
  void basicAuthenticationFindsItsUsersThroughTheJaasFile() {
    Map<String, String> settings = basic();
    settings.put("authentication.roles", "admin,developer");
    settings.put("authentication.skip.paths", "/info, /status/*");

    BasicAuthSettings auth = ServerConfig.of(settings).restSecurity().basicAuth().orElseThrow();

    assertEquals(
        new BasicAuthSettings(
            "KsqlServer-Props",
            Set.of("admin", "developer"),
            users,
            List.of("/healthcheck", "/info", "/status/*")),
        auth);
  }

  @Test
  void everyRoleIsAllowedUnlessRolesAreListed() {
    assertEquals(
        Set.of(BasicAuthSettings.ANY_ROLE),
        ServerConfig.of(basic()).restSecurity().basicAuth().orElseThrow().roles());
  }

  @Test
  void kafkaClientsGetSecuritySettingsWithTheStreamsPrefixWinning() {
    Map<String, String> settings = new HashMap<>();
    settings.put("security.protocol", "SASL_SSL");
    settings.put("sasl.mechanism", "PLAIN");
    settings.put("ssl.truststore.location", "/etc/kafka/truststore.jks");
    settings.put("ksql.streams.ssl.truststore.location", "/etc/kafka/streams.jks");
    settings.put("ssl.client.authentication", "NONE");
    settings.put("ksql.streams.commit.interval.ms", "2000");

    assertEquals(
        Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "PLAIN",
            "ssl.truststore.location", "/etc/kafka/streams.jks"),
        ServerConfig.of(settings).kafkaClientSecurity());
  }

  @Test
  void refusesWhatItCannotHonour() {
    assertEquals(
        "listeners has an https address, which needs ssl.keystore.location (and"
            + " ssl.keystore.password) naming the server's key store",
        error(Map.of("listeners", "https://0.0.0.0:8443")));
    assertEquals(
        "listeners has an https address, which needs ssl.keystore.location (and"
            + " ssl.keystore.password) naming the server's key store",
        error(Map.of("listeners", "http://0.0.0.0:8088,https://0.0.0.0:8443")));
    assertEquals(
        "cannot open "
            + keyStore
            + " (ssl.keystore.location): Keystore was tampered with, or password was incorrect",
        error(with(https(), "ssl.keystore.password", "wrong")));
    assertEquals(
        "cannot open " + dir.resolve("none.jks") + " (ssl.keystore.location): no such file",
        error(with(https(), "ssl.keystore.location", dir.resolve("none.jks").toString())));
    assertEquals(
        "invalid value 'XYZ' for ssl.keystore.type: expected a key store type such as JKS or"
            + " PKCS12",
        error(with(https(), "ssl.keystore.type", "XYZ")));
    assertEquals(
        "invalid value 'SOMETIMES' for ssl.client.authentication: expected one of NONE,"
            + " REQUESTED, REQUIRED",
        error(with(https(), "ssl.client.authentication", "SOMETIMES")));
    assertEquals(
        "ssl.client.authentication=REQUIRED needs ssl.truststore.location naming the"
            + " certificates that clients' certificates must chain to",
        error(with(https(), "ssl.client.authentication", "required")));
    assertEquals(
        "invalid value 'JWT' for authentication.method: expected NONE or BASIC (Millrace"
            + " supports no other authentication method)",
        error(Map.of("authentication.method", "JWT")));
    assertEquals(
        "authentication.method=BASIC needs authentication.realm, the section of the JAAS file"
            + " that names the users",
        error(Map.of("authentication.method", "BASIC")));
    assertEquals(
        "the JAAS file " + jaas + " has no section Missing (authentication.realm)",
        error(with(basic(), "authentication.realm", "Missing")));
    assertEquals(
        "section Other of the JAAS file "
            + jaas
            + " uses com.sun.security.auth.module.LdapLoginModule; Millrace supports one login"
            + " module there, Jetty's PropertyFileLoginModule",
        error(with(basic(), "authentication.realm", "Other")));
    assertEquals(
        "cannot read the JAAS file " + dir.resolve("none.conf"),
        error(
            with(
                basic(),
                "millrace.authentication.jaas.config",
                dir.resolve("none.conf").toString())));
    assertEquals(
        "invalid value 'info' for authentication.skip.paths: expected paths starting with '/',"
            + " such as /info, or ending in '/*', such as /status/*",
        error(with(basic(), "authentication.skip.paths", "info")));
    assertEquals(
        "invalid value '/lag*' for authentication.skip.paths: expected paths starting with '/',"
            + " such as /info, or ending in '/*', such as /status/*",
        error(with(basic(), "authentication.skip.paths", "/lag*")));
    assertEquals(
        "unsupported setting authentication.plugin: Millrace supports authentication.method,"
            + " authentication.realm, authentication.roles, authentication.skip.paths",
        error(Map.of("authentication.plugin", "x")));
    assertEquals(
        "unsupported setting ssl.keystore.reload: no Kafka client knows it, and Millrace's REST"
            + " listener reads only ssl.client.auth, ssl.client.authentication beyond Kafka's"
            + " ssl.* settings",
        error(Map.of("ssl.keystore.reload", "true")));
    assertEquals(
        "unsupported setting ksql.streams.sasl.mechansim: no Kafka client knows it, and"
            + " Millrace's REST listener reads only ssl.client.auth, ssl.client.authentication"
            + " beyond Kafka's ssl.* settings",
        error(Map.of("ksql.streams.sasl.mechansim", "PLAIN")));
    // Kafka lists the allowed protocols in no fixed order.
    String kafkaRefusal = error(Map.of("security.protocol", "SASL_TLS"));
    assertTrue(
        kafkaRefusal.startsWith(
            "invalid Kafka client setting: Invalid value SASL_TLS for configuration"
                + " security.protocol: String must be one of"),
        kafkaRefusal);
  }

  private static Map<String, String> https() {
    Map<String, String> settings = new HashMap<>();
    settings.put("listeners", "https://0.0.0.0:8443");
    settings.put("ssl.keystore.location", keyStore.toString());
    settings.put("ssl.keystore.password", PASSWORD);
    return settings;
  }

  private static Map<String, String> basic() {
    Map<String, String> settings = new HashMap<>();
    settings.put("authentication.method", "BASIC");
    settings.put("authentication.realm", "KsqlServer-Props");
    settings.put("millrace.authentication.jaas.config", jaas.toString());
    return settings;
  }

  private static Map<String, String> with(Map<String, String> settings, String key, String value) {
    settings.put(key, value);
    return settings;
  }

  private static String error(Map<String, String> properties) {
    return assertThrows(ConfigException.class, () -> ServerConfig.of(properties)).getMessage();
  }
}
