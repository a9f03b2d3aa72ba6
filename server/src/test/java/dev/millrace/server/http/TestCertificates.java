package dev.millrace.server.http;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made up for one test, and the key stores and TLS contexts of the servers
 * and clients it certifies. Nothing is committed: every run makes fresh keys (EC, which is quick).
 */
public final class TestCertificates {

  /** The password of every store and key made here. */
  public static final String PASSWORD = "test-secret";

  private static final AtomicLong SERIAL = new AtomicLong(1);

  private final Path dir;
  private final KeyPair caKeys;
  private final X500Name caName;
  private final X509Certificate ca;

  private TestCertificates(Path dir, KeyPair caKeys, X500Name caName, X509Certificate ca) {
    this.dir = dir;
    this.caKeys = caKeys;
    this.caName = caName;
    this.ca = ca;
  }

  /** A new authority whose files go to {@code dir}. */
  public static TestCertificates authority(Path dir, String name) throws Exception {
    KeyPair keys = newKeys();
    X500Name subject = new X500Name("CN=" + name);
    X509v3CertificateBuilder builder = builder(subject, subject, keys);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    return new TestCertificates(dir, keys, subject, sign(builder, keys));
  }

  /** A key store ({@code type} JKS or PKCS12) holding a key certified for localhost/127.0.0.1. */
  public Path keyStore(String name, String type) throws Exception {
    KeyPair keys = newKeys();
    X509v3CertificateBuilder builder = builder(caName, new X500Name("CN=" + name), keys);
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.iPAddress, "127.0.0.1")
            }));
    X509Certificate certificate = sign(builder, caKeys);
    KeyStore store = KeyStore.getInstance(type);
    store.load(null, null);
    store.setKeyEntry(
        name, keys.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {certificate, ca});
    return save(store, name + "." + type.toLowerCase());
  }

  /** A JKS trust store holding this authority's certificate. */
  public Path trustStore() throws Exception {
    KeyStore store = KeyStore.getInstance("JKS");
    store.load(null, null);
    store.setCertificateEntry("ca", ca);
    return save(store, "truststore.jks");
  }

  /** A client context trusting this authority, presenting no certificate. */
  public SSLContext clientContext() throws Exception {
    return context(null);
  }

  /** A client context trusting this authority and presenting the key in {@code keyStore}. */
  public SSLContext clientContext(Path keyStore, String type) throws Exception {
    KeyStore keys = KeyStore.getInstance(type);
    try (var in = Files.newInputStream(keyStore)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keys, PASSWORD.toCharArray());
    return context(factory);
  }

  private SSLContext context(KeyManagerFactory keys) throws Exception {
    KeyStore trusted = KeyStore.getInstance("JKS");
    trusted.load(null, null);
    trusted.setCertificateEntry("ca", ca);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
    return context;
  }

  private Path save(KeyStore store, String fileName) throws IOException, GeneralSecurityException {
    Path file = dir.resolve(fileName);
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, PASSWORD.toCharArray());
    }
    return file;
  }

  private static KeyPair newKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        BigInteger.valueOf(SERIAL.getAndIncrement()),
        Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(Duration.ofDays(1))),
        subject,
        keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
  }
}
