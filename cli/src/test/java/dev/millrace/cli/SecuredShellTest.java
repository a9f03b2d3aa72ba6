package dev.millrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.server.api.CommandStatus;
import dev.millrace.server.api.HealthCheckResponse;
import dev.millrace.server.api.KsqlEntity;
import dev.millrace.server.api.ServerInfo;
import dev.millrace.server.api.SourceInfo;
import dev.millrace.server.api.StreamsList;
import dev.millrace.server.http.BasicAuthSettings;
import dev.millrace.server.http.Listener;
import dev.millrace.server.http.RestSecurity;
import dev.millrace.server.http.RestServer;
import dev.millrace.server.http.TlsSettings;
import dev.millrace.server.service.EngineFacade;
import dev.millrace.server.service.QueryMetrics;
import dev.millrace.server.service.QueryRequest;
import dev.millrace.server.service.QuerySubscriber;
import dev.millrace.server.service.RowInserts;
import dev.millrace.server.service.StatementRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code millrace shell} against a server that speaks only TLS and asks for BASIC logins: ksqlDB's
 * {@code --user}/{@code --password} and a {@code --config-file} trust store get it in; without them
 * it says what is missing. The server's certificate is made by keytool for this test.
 */
class SecuredShellTest {

  private static final String PASSWORD = "test-secret";

  @TempDir static Path dir;
  static RestServer server;
  static Path trustConfig;

  @BeforeAll
  static void start() throws Exception {
    Path keyStore = dir.resolve("server.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "server",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    trustConfig = dir.resolve("cli.properties");
    Files.writeString(
        trustConfig,
        "ssl.truststore.location="
            + trustStore(keyStore)
            + "\nssl.truststore.password="
            + PASSWORD
            + "\n");
    Path users = dir.resolve("users");
    Files.writeString(users, "fred: letmein,user\n");
    server =
        new RestServer(
            new ShowStreamsEngine(),
            RestServer.Options.of(List.of(Listener.https("127.0.0.1", 0))),
            new RestSecurity(
                Optional.of(TlsSettings.of(new TlsSettings.Store(keyStore, PASSWORD, "PKCS12"))),
                Optional.of(new BasicAuthSettings("Millrace", Set.of("user"), users, List.of()))));
    server.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void loggedInOverTlsStatementsRun() {
    Run run =
        shell(
            server.uri().toString(),
            "--config-file",
            trustConfig.toString(),
            "-u",
            "fred",
            "-p",
            "letmein",
            "-e",
            "SHOW STREAMS;");
    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("PAGEVIEWS"), run.output());
  }

  @Test
  void withoutALoginTheShellSaysOneIsNeeded() {
    Run run =
        shell(
            server.uri().toString(),
            "--config-file",
            trustConfig.toString(),
            "-e",
            "SHOW STREAMS;");
    assertEquals(1, run.exitCode());
    assertTrue(
        run.output()
            .contains(
                "The server at " + server.uri() + " asks for a login: give --user and --password."),
        run.output());
  }

  @Test
  void aWrongPasswordIsRefused() {
    Run run =
        shell(
            server.uri().toString(),
            "--config-file",
            trustConfig.toString(),
            "--user=fred",
            "--password=guess",
            "-e",
            "SHOW STREAMS;");
    assertEquals(1, run.exitCode());
    assertTrue(
        run.output()
            .contains("The server at " + server.uri() + " refused the login of user 'fred'."),
        run.output());
  }

  @Test
  void anUntrustedCertificateNamesTheSettingThatTrustsIt() {
    Run run = shell(server.uri().toString(), "-u", "fred", "-p", "letmein", "-e", "SHOW STREAMS;");
    assertEquals(1, run.exitCode());
    assertTrue(
        run.output()
            .contains("Could not connect securely to the Millrace server at " + server.uri()),
        run.output());
    assertTrue(run.output().contains("ssl.truststore.location in --config-file"), run.output());
  }

  @Test
  void aUserWithoutAPasswordAndNoTerminalIsAUsageError() {
    UsageException error =
        assertThrows(
            UsageException.class,
            () ->
                new ShellSubcommand(
                        InputStream.nullInputStream(),
                        new PrintStream(OutputStream.nullOutputStream()),
                        false)
                    .run(List.of(server.uri().toString(), "-u", "fred", "-e", "SHOW STREAMS;")));
    assertEquals(
        "--user needs --password when there is no terminal to ask on.", error.getMessage());
  }

  private record Run(int exitCode, String output) {}

  private static Run shell(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      int code =
          new ShellSubcommand(
                  new ByteArrayInputStream(new byte[0]),
                  new PrintStream(out, true, StandardCharsets.UTF_8),
                  false)
              .run(List.of(args));
      return new Run(code, out.toString(StandardCharsets.UTF_8));
    } catch (UsageException e) {
      throw new AssertionError(e);
    }
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
  }

  /** A trust store holding the certificate of the key store's only key. */
  private static Path trustStore(Path keyStore) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    KeyStore trusted = KeyStore.getInstance("JKS");
    trusted.load(null, null);
    trusted.setCertificateEntry("server", keys.getCertificate("server"));
    Path file = dir.resolve("truststore.jks");
    try (OutputStream out = Files.newOutputStream(file)) {
      trusted.store(out, PASSWORD.toCharArray());
    }
    return file;
  }

  /** Answers SHOW STREAMS with one stream; nothing else is asked of it here. */
  private static final class ShowStreamsEngine implements EngineFacade {
    @Override
    public List<KsqlEntity> execute(StatementRequest request) {
      return List.of(
          new StreamsList(
              request.sql(),
              List.of(SourceInfo.stream("PAGEVIEWS", "pageviews", "KAFKA", "JSON")),
              List.of()));
    }

    @Override
    public void runQuery(QueryRequest request, QuerySubscriber subscriber) {
      throw new UnsupportedOperationException("no queries in this test");
    }

    @Override
    public RowInserts openInserts(String target, Map<String, Object> properties) {
      throw new UnsupportedOperationException("no inserts in this test");
    }

    @Override
    public void requireSettable(String property) {}

    @Override
    public List<QueryMetrics> queryMetrics() {
      return List.of();
    }

    @Override
    public List<KsqlEntity> terminateCluster(List<String> deleteTopicList) {
      throw new UnsupportedOperationException("no cluster termination in this test");
    }

    @Override
    public ServerInfo serverInfo() {
      return new ServerInfo("0.1.0", "", "default_", "RUNNING");
    }

    @Override
    public HealthCheckResponse healthCheck() {
      return new HealthCheckResponse(true, Map.of());
    }

    @Override
    public Optional<CommandStatus> commandStatus(String commandId) {
      return Optional.empty();
    }

    @Override
    public Map<String, CommandStatus.Status> commandStatuses() {
      return Map.of();
    }
  }
}
