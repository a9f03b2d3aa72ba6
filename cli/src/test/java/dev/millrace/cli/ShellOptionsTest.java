package dev.millrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShellOptionsTest {

  @Test
  void defaultsToTheLocalServerInteractively() throws Exception {
    ShellOptions options = ShellOptions.parse(List.of());

    assertEquals(
        new ShellOptions(
            URI.create("http://localhost:8088"),
            Optional.empty(),
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty()),
        options);
    assertFalse(options.batch());
  }

  @Test
  void readsUrlFileAndExecuteInAnyOrderAndEitherSpelling() throws Exception {
    assertEquals(
        new ShellOptions(
            URI.create("http://db:9000"),
            Optional.of(Path.of("a.sql")),
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty()),
        ShellOptions.parse(List.of("--file", "a.sql", "http://db:9000")));
    assertEquals(
        new ShellOptions(
            URI.create("https://db"),
            Optional.of(Path.of("b.sql")),
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty()),
        ShellOptions.parse(List.of("https://db", "-f", "b.sql")));
    ShellOptions execute = ShellOptions.parse(List.of("--execute=SHOW STREAMS; SHOW TABLES;"));
    assertEquals(Optional.of("SHOW STREAMS; SHOW TABLES;"), execute.execute());
    assertTrue(execute.batch());
    assertEquals(
        Optional.of("SHOW TABLES;"), ShellOptions.parse(List.of("-e", "SHOW TABLES;")).execute());
    assertTrue(ShellOptions.parse(List.of("--help")).help());
  }

  @Test
  void readsKsqlDbsLoginAndTlsOptions() throws Exception {
    ShellOptions short_ = ShellOptions.parse(List.of("https://db:8443", "-u", "fred", "-p", "pw"));
    assertEquals(Optional.of("fred"), short_.user());
    assertEquals(Optional.of("pw"), short_.password());
    ShellOptions long_ =
        ShellOptions.parse(
            List.of("--user=harry", "--password", "x", "--config-file", "cli.properties"));
    assertEquals(Optional.of("harry"), long_.user());
    assertEquals(Optional.of("x"), long_.password());
    assertEquals(Optional.of(Path.of("cli.properties")), long_.configFile());
    assertEquals(Optional.empty(), ShellOptions.parse(List.of("-u", "fred")).password());
  }

  @Test
  void wrongArgumentsSayWhatIsWrong() {
    assertEquals("--password needs --user.", message(List.of("--password", "pw")));
    assertEquals("Unknown option '--fast'.", message(List.of("--fast")));
    assertEquals("Option --file needs a value.", message(List.of("--file")));
    assertEquals(
        "Use either --file or --execute, not both.",
        message(List.of("-f", "a.sql", "-e", "SHOW TABLES;")));
    assertEquals(
        "The server URL must look like http://host:port, got 'localhost:8088'.",
        message(List.of("localhost:8088")));
    assertEquals(
        "Only one server URL, please: got 'http://a' and 'http://b'.",
        message(List.of("http://a", "http://b")));
  }

  private static String message(List<String> args) {
    return assertThrows(UsageException.class, () -> ShellOptions.parse(args)).getMessage();
  }
}
