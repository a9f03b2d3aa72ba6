package dev.millrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's dispatch and the shell's batch mode, run in-process against a fake server. */
class MainTest {

  private static final String NO_TABLES =
      "[{\"@type\":\"tables\",\"statementText\":\"SHOW TABLES;\",\"tables\":[]}]";

  @TempDir Path dir;

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private FakeKsqlServer server;

  @BeforeEach
  void start() throws IOException {
    server = FakeKsqlServer.start();
    server.onKsql("SHOW TABLES;", 200, NO_TABLES);
    server.onKsql(
        "DROP TABLE NOPE;",
        400,
        "{\"@type\":\"statement_error\",\"error_code\":40001,\"message\":\"Table NOPE does not exist.\"}");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private int main(String... args) {
    return mainWithInput("", args);
  }

  private int mainWithInput(String stdin, String... args) {
    List<Subcommand> subcommands =
        List.of(
            new ShellSubcommand(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                false));
    return Main.run(
        List.of(args), subcommands, new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @Test
  void withoutACommandItListsTheCommands() {
    assertEquals(Main.USAGE_ERROR, main());
    assertEquals(
        """
        Usage: millrace <command> [options]

        Commands:
          shell   SQL shell connected to a running server (default http://localhost:8088)

        Run 'millrace <command> --help' for a command's options.
        """,
        stderr.toString(StandardCharsets.UTF_8));
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertEquals(Main.USAGE_ERROR, main("serve"));
    assertTrue(
        stderr
            .toString(StandardCharsets.UTF_8)
            .startsWith("Unknown command 'serve'.\nUsage: millrace"));
  }

  @Test
  void badShellOptionPrintsTheShellUsage() {
    assertEquals(Main.USAGE_ERROR, main("shell", "--fast"));
    assertTrue(
        stderr
            .toString(StandardCharsets.UTF_8)
            .startsWith("Unknown option '--fast'.\nUsage: millrace shell"));
  }

  @Test
  void executeRunsStatementsAndExitsZero() {
    assertEquals(
        0, main("shell", server.uri().toString(), "--execute", "SHOW TABLES; SHOW TABLES"));

    assertEquals(2, server.bodies("/ksql").size());
    assertTrue(stdout.toString(StandardCharsets.UTF_8).startsWith("+------------+"));
  }

  @Test
  void fileStopsAtTheFirstErrorWithExitCodeOne() throws IOException {
    Path script = dir.resolve("script.sql");
    Files.writeString(script, "SHOW TABLES;\nDROP TABLE NOPE;\nSHOW TABLES;\n");

    assertEquals(1, main("shell", "--file", script.toString(), server.uri().toString()));

    assertEquals(2, server.bodies("/ksql").size());
    assertTrue(stdout.toString(StandardCharsets.UTF_8).endsWith("\nTable NOPE does not exist.\n"));
  }

  @Test
  void withoutATerminalStatementsArePipedIn() {
    assertEquals(
        1, mainWithInput("SHOW TABLES;\nDROP TABLE NOPE;\n", "shell", server.uri().toString()));

    assertEquals(2, server.bodies("/ksql").size());
  }

  @Test
  void missingFileIsOneLine() {
    assertEquals(
        1, main("shell", "--file", dir.resolve("none.sql").toString(), server.uri().toString()));
    assertEquals(
        "Cannot read script " + dir.resolve("none.sql") + ": no such file\n",
        stdout.toString(StandardCharsets.UTF_8));
  }
}
