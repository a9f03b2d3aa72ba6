package dev.millrace.cli.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The shell's {@code --config-file}: the {@code ssl.*} settings of ksqlDB's CLI, turned into the
 * TLS context of the connection. A trust store lets the shell trust a server's certificate that no
 * public authority signed; a key store gives it a certificate of its own for mutual TLS.
 */
public final class ClientTlsConfig {

  private static final Set<String> KEYS =
      Set.of(
          "ssl.truststore.location",
          "ssl.truststore.password",
          "ssl.truststore.type",
          "ssl.keystore.location",
          "ssl.keystore.password",
          "ssl.keystore.type",
          "ssl.key.password");

  private ClientTlsConfig() {}

  /**
   * The TLS context the file describes.
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  public static SSLContext read(Path file) {
    Properties settings = load(file);
    Set<String> unknown = new TreeSet<>(settings.stringPropertyNames());
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          file + ": unsupported settings " + unknown + "; the shell reads " + new TreeSet<>(KEYS));
    }
    try {
      KeyManagerFactory keys = null;
      String keyStore = settings.getProperty("ssl.keystore.location");
      if (keyStore != null) {
        String password = settings.getProperty("ssl.keystore.password", "");
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(
            store(keyStore, password, settings.getProperty("ssl.keystore.type", "JKS")),
            settings.getProperty("ssl.key.password", password).toCharArray());
      }
      TrustManagerFactory trust = null;
      String trustStore = settings.getProperty("ssl.truststore.location");
      if (trustStore != null) {
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(
            store(
                trustStore,
                settings.getProperty("ssl.truststore.password", ""),
                settings.getProperty("ssl.truststore.type", "JKS")));
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          keys == null ? null : keys.getKeyManagers(),
          trust == null ? null : trust.getTrustManagers(),
          null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static KeyStore store(String location, String password, String type)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(type);
    try (InputStream in = Files.newInputStream(Path.of(location))) {
      store.load(in, password.toCharArray());
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException("no such file " + location);
    }
    return store;
  }

  private static Properties load(Path file) {
    Properties settings = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      settings.load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return settings;
  }
}
