package dev.millrace.server.config;

import dev.millrace.server.http.BasicAuthSettings;
import dev.millrace.server.http.RestSecurity;
import dev.millrace.server.http.TlsSettings;
import dev.millrace.server.http.TlsSettings.ClientAuthentication;
import dev.millrace.server.http.TlsSettings.Store;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the REST API's security from ksqlDB's settings: TLS for an {@code https} listener ({@code
 * ssl.*}) and HTTP BASIC authentication ({@code authentication.*}) with users from a JAAS file, as
 * ksqlDB reads them. Every problem is an error naming the setting, so a server never starts less
 * protected than its configuration says.
 */
final class RestSecurityConfig {

  static final String KEYSTORE_LOCATION = "ssl.keystore.location";
  static final String KEYSTORE_PASSWORD = "ssl.keystore.password";
  static final String KEYSTORE_TYPE = "ssl.keystore.type";
  static final String KEY_PASSWORD = "ssl.key.password";
  static final String TRUSTSTORE_LOCATION = "ssl.truststore.location";
  static final String TRUSTSTORE_PASSWORD = "ssl.truststore.password";
  static final String TRUSTSTORE_TYPE = "ssl.truststore.type";
  static final String CLIENT_AUTHENTICATION = "ssl.client.authentication";

  /** ksqlDB's older spelling: {@code true} means {@code ssl.client.authentication=REQUIRED}. */
  static final String CLIENT_AUTH = "ssl.client.auth";

  static final String ENABLED_PROTOCOLS = "ssl.enabled.protocols";
  static final String CIPHER_SUITES = "ssl.cipher.suites";
  static final String PROTOCOL = "ssl.protocol";
  static final String PROVIDER = "ssl.provider";
  static final String KEYMANAGER_ALGORITHM = "ssl.keymanager.algorithm";
  static final String TRUSTMANAGER_ALGORITHM = "ssl.trustmanager.algorithm";

  static final String AUTHENTICATION_METHOD = "authentication.method";
  static final String AUTHENTICATION_REALM = "authentication.realm";
  static final String AUTHENTICATION_ROLES = "authentication.roles";
  static final String AUTHENTICATION_SKIP_PATHS = "authentication.skip.paths";

  /** The JAAS file naming the credentials file; defaults to the JVM's own JAAS setting. */
  static final String JAAS_CONFIG = "millrace.authentication.jaas.config";

  static final String JAAS_SYSTEM_PROPERTY = "java.security.auth.login.config";

  /** The {@code ssl.*} settings only the REST listener reads (Kafka clients know the others). */
  static final Set<String> LISTENER_ONLY_KEYS = Set.of(CLIENT_AUTHENTICATION, CLIENT_AUTH);

  private static final Set<String> AUTHENTICATION_KEYS =
      Set.of(
          AUTHENTICATION_METHOD,
          AUTHENTICATION_REALM,
          AUTHENTICATION_ROLES,
          AUTHENTICATION_SKIP_PATHS);

  /** ksqlDB answers these without a login, whatever the configuration. */
  private static final List<String> ALWAYS_OPEN = List.of("/healthcheck");

  private final Map<String, String> properties;

  private RestSecurityConfig(Map<String, String> properties) {
    this.properties = properties;
  }

  /**
   * The security of a REST API listening on {@code listeners}: TLS settings when one of them is
   * {@code https} (all such listeners share them, as in ksqlDB).
   */
  static RestSecurity parse(Map<String, String> properties, List<URI> listeners) {
    RestSecurityConfig config = new RestSecurityConfig(properties);
    config.refuseUnknownAuthenticationKeys();
    boolean secure =
        listeners.stream().anyMatch(listener -> "https".equalsIgnoreCase(listener.getScheme()));
    Optional<TlsSettings> tls = secure ? Optional.of(config.tls()) : Optional.empty();
    return new RestSecurity(tls, config.basicAuth());
  }

  private void refuseUnknownAuthenticationKeys() {
    properties.keySet().stream()
        .filter(key -> key.startsWith("authentication.") && !AUTHENTICATION_KEYS.contains(key))
        .findFirst()
        .ifPresent(
            key -> {
              throw new ConfigException(
                  "unsupported setting "
                      + key
                      + ": Millrace supports "
                      + String.join(", ", AUTHENTICATION_KEYS.stream().sorted().toList()),
                  null);
            });
  }

  private TlsSettings tls() {
    String location =
        get(KEYSTORE_LOCATION)
            .orElseThrow(
                () ->
                    new ConfigException(
                        "listeners has an https address, which needs "
                            + KEYSTORE_LOCATION
                            + " (and "
                            + KEYSTORE_PASSWORD
                            + ") naming the server's key store",
                        null));
    Store keyStore = store(KEYSTORE_LOCATION, location, KEYSTORE_PASSWORD, KEYSTORE_TYPE);
    Optional<Store> trustStore =
        get(TRUSTSTORE_LOCATION)
            .map(path -> store(TRUSTSTORE_LOCATION, path, TRUSTSTORE_PASSWORD, TRUSTSTORE_TYPE));
    ClientAuthentication clientAuthentication = clientAuthentication();
    if (clientAuthentication != ClientAuthentication.NONE && trustStore.isEmpty()) {
      throw new ConfigException(
          CLIENT_AUTHENTICATION
              + "="
              + clientAuthentication
              + " needs "
              + TRUSTSTORE_LOCATION
              + " naming the certificates that clients' certificates must chain to",
          null);
    }
    return new TlsSettings(
        keyStore,
        get(KEY_PASSWORD),
        trustStore,
        clientAuthentication,
        list(ENABLED_PROTOCOLS),
        list(CIPHER_SUITES),
        get(PROTOCOL).orElse("TLS"),
        get(PROVIDER),
        get(KEYMANAGER_ALGORITHM),
        get(TRUSTMANAGER_ALGORITHM));
  }

  /** A store that exists, opens with its password, and is of a type the JVM reads. */
  private Store store(String locationKey, String location, String passwordKey, String typeKey) {
    Store store =
        new Store(Path.of(location), get(passwordKey).orElse(""), get(typeKey).orElse("JKS"));
    KeyStore keyStore;
    try {
      keyStore = KeyStore.getInstance(store.type());
    } catch (GeneralSecurityException unknownType) {
      throw ConfigException.invalid(
          typeKey, store.type(), "a key store type such as JKS or PKCS12");
    }
    try (InputStream in = Files.newInputStream(store.location())) {
      keyStore.load(in, store.password().toCharArray());
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException(
          "cannot open " + store.location() + " (" + locationKey + "): " + reason(e), e);
    }
    return store;
  }

  private static String reason(Exception e) {
    return e instanceof NoSuchFileException ? "no such file" : e.getMessage();
  }

  private ClientAuthentication clientAuthentication() {
    Optional<String> mode = get(CLIENT_AUTHENTICATION);
    if (mode.isPresent()) {
      try {
        return ClientAuthentication.valueOf(mode.get().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        throw ConfigException.invalid(
            CLIENT_AUTHENTICATION, mode.get(), "one of NONE, REQUESTED, REQUIRED");
      }
    }
    return switch (get(CLIENT_AUTH).orElse("false").toLowerCase(Locale.ROOT)) {
      case "true" -> ClientAuthentication.REQUIRED;
      case "false" -> ClientAuthentication.NONE;
      default ->
          throw ConfigException.invalid(CLIENT_AUTH, get(CLIENT_AUTH).get(), "true or false");
    };
  }

  private Optional<BasicAuthSettings> basicAuth() {
    String method = get(AUTHENTICATION_METHOD).orElse("NONE");
    switch (method.toUpperCase(Locale.ROOT)) {
      case "NONE" -> {
        return Optional.empty();
      }
      case "BASIC" -> {
        String realm =
            get(AUTHENTICATION_REALM)
                .orElseThrow(
                    () ->
                        new ConfigException(
                            AUTHENTICATION_METHOD
                                + "=BASIC needs "
                                + AUTHENTICATION_REALM
                                + ", the section of the JAAS file that names the users",
                            null));
        List<String> roles = list(AUTHENTICATION_ROLES);
        List<String> open = new ArrayList<>(ALWAYS_OPEN);
        for (String path : list(AUTHENTICATION_SKIP_PATHS)) {
          String prefix = path.endsWith("/*") ? path.substring(0, path.length() - 2) : path;
          if (!path.startsWith("/") || prefix.contains("*")) {
            throw ConfigException.invalid(
                AUTHENTICATION_SKIP_PATHS,
                path,
                "paths starting with '/', such as /info, or ending in '/*', such as /status/*");
          }
          open.add(path);
        }
        return Optional.of(
            new BasicAuthSettings(
                realm,
                Set.copyOf(roles.isEmpty() ? List.of(BasicAuthSettings.ANY_ROLE) : roles),
                credentialsFile(realm),
                open));
      }
      default ->
          throw ConfigException.invalid(
              AUTHENTICATION_METHOD,
              method,
              "NONE or BASIC (Millrace supports no other authentication method)");
    }
  }

  /** The users file that the JAAS file's section for {@code realm} names. */
  private Path credentialsFile(String realm) {
    String jaasLocation =
        get(JAAS_CONFIG)
            .or(() -> Optional.ofNullable(System.getProperty(JAAS_SYSTEM_PROPERTY)))
            .orElseThrow(
                () ->
                    new ConfigException(
                        AUTHENTICATION_METHOD
                            + "=BASIC needs a JAAS file: start the server with -D"
                            + JAAS_SYSTEM_PROPERTY
                            + "=FILE (in MILLRACE_JAVA_OPTS) or set "
                            + JAAS_CONFIG,
                        null));
    // The JVM's "=FILE" form means "only this file"; there is only one file here either way.
    return JaasUsersFile.of(
        Path.of(jaasLocation.startsWith("=") ? jaasLocation.substring(1) : jaasLocation), realm);
  }

  private Optional<String> get(String key) {
    return Optional.ofNullable(properties.get(key)).map(String::trim).filter(v -> !v.isEmpty());
  }

  private List<String> list(String key) {
    return get(key).stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::trim)
        .filter(item -> !item.isEmpty())
        .toList();
  }
}
