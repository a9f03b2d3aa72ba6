package dev.millrace.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.cli.CliVersion;
import dev.millrace.cli.FakeKsqlServer;
import dev.millrace.cli.FakeKsqlServer.QueryReply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell as a person uses it: a separate JVM in a real terminal (tmux), typed at key by key,
 * against a fake server, with what the screen shows asserted.
 */
class ShellInTerminalTest {

  private static final String STREAMS =
      """
      [{"@type":"streams","statementText":"SHOW STREAMS;","streams":[{"type":"STREAM","name":"PAGEVIEWS",
        "topic":"pageviews","keyFormat":"KAFKA","valueFormat":"JSON","isWindowed":false}]}]""";
  private static final String DESCRIBE =
      """
      [{"@type":"sourceDescription","statementText":"DESCRIBE PAGEVIEWS;","sourceDescription":{
        "name":"PAGEVIEWS","type":"STREAM","keyFormat":"KAFKA","valueFormat":"JSON","topic":"pageviews",
        "extended":false,"fields":[{"name":"USERID","schema":{"type":"STRING"},"type":"KEY"},
                                   {"name":"PAGEID","schema":{"type":"STRING"}}]}}]""";

  /** The prompt as captured: tmux drops trailing blanks. */
  private static final String PROMPT = "millrace>\n";

  @TempDir Path home;

  private FakeKsqlServer server;
  private Tmux terminal;

  @BeforeEach
  void start() throws IOException {
    assertTrue(Tmux.installed(), "This test drives the shell through tmux: apt-get install tmux");
    server =
        FakeKsqlServer.start()
            .onKsql("SHOW STREAMS; SHOW TABLES;", 200, STREAMS)
            .onKsql("DESCRIBE PAGEVIEWS;", 200, DESCRIBE)
            .onKsql("DESCRIBE PAGEVIEWS ;", 200, DESCRIBE)
            .onKsql("SHOW\nSTREAMS;", 200, STREAMS)
            .onQuery(
                "SELECT * FROM PAGEVIEWS EMIT CHANGES;",
                new QueryReply(
                    200,
                    List.of(
                        "{\"queryId\":\"push-1\",\"columnNames\":[\"USERID\",\"PAGEID\"],\"columnTypes\":[\"STRING\",\"STRING\"]}",
                        "[\"alice\",\"home\"]",
                        "[\"bob\",\"news\"]"),
                    true));
    terminal = Tmux.start(shellCommand(), 100, 50);
  }

  @AfterEach
  void stop() throws IOException {
    terminal.close();
    server.close();
  }

  @Test
  void multiLineStatementCompletionPushQueryCtrlCAndExit() throws IOException {
    // Each step waits for the prompt: keys typed before it would be echoed out of place.
    terminal.awaitScreen("the prompt", screen -> screen.endsWith(PROMPT));

    terminal.type("SHOW");
    terminal.press("Enter");
    terminal.type("STREAMS;");
    terminal.press("Enter");
    terminal.awaitScreen(
        "the streams", screen -> screen.contains("| PAGEVIEWS   |") && screen.endsWith(PROMPT));

    terminal.type("DESCRIBE PAGEV");
    terminal.press("Tab");
    terminal.awaitScreen(
        "the completed name", screen -> screen.endsWith("millrace> DESCRIBE PAGEVIEWS\n"));
    terminal.type(";");
    terminal.press("Enter");
    terminal.awaitScreen(
        "the description", screen -> screen.contains("EXTENDED;") && screen.endsWith(PROMPT));

    terminal.type("SELECT * FROM PAGEVIEWS EMIT CHANGES;");
    terminal.press("Enter");
    terminal.awaitScreen("the pushed rows", screen -> screen.contains("| bob "));
    terminal.press("C-c");
    String screen =
        terminal.awaitScreen("the query ending", s -> s.endsWith("Query terminated\nmillrace>\n"));

    assertEquals(transcript(), screen);
    terminal.awaitScreen("", s -> !server.bodies("/close-query").isEmpty());
    assertEquals("push-1", server.bodies("/close-query").get(0).path("queryId").asText());

    terminal.type("exit");
    terminal.press("Enter");
    assertEquals(0, terminal.awaitExit());
    assertTrue(Files.readString(home.resolve(".millrace/history")).contains("SHOW\\nSTREAMS;"));
  }

  private String transcript() {
    return """
        Millrace shell %s
        Connected to %s (server 0.1.0).
        Statements end with ';'. Type 'help' for shell commands, 'exit' to leave.

        millrace> SHOW
               -> STREAMS;
        +-------------+-------------+------------+--------------+----------+
        | Stream Name | Kafka Topic | Key Format | Value Format | Windowed |
        +-------------+-------------+------------+--------------+----------+
        | PAGEVIEWS   | pageviews   | KAFKA      | JSON         | false    |
        +-------------+-------------+------------+--------------+----------+
        millrace> DESCRIBE PAGEVIEWS ;
        Name         : PAGEVIEWS
        Type         : STREAM
        Key format   : KAFKA
        Value format : JSON
        Kafka topic  : pageviews
        +--------+--------------+
        | Field  | Type         |
        +--------+--------------+
        | USERID | STRING (key) |
        | PAGEID | STRING       |
        +--------+--------------+
        For runtime statistics and query details run: DESCRIBE PAGEVIEWS EXTENDED;
        millrace> SELECT * FROM PAGEVIEWS EMIT CHANGES;
        +------------------------------------------------+------------------------------------------------+
        | USERID                                         | PAGEID                                         |
        +------------------------------------------------+------------------------------------------------+
        | alice                                          | home                                           |
        | bob                                            | news                                           |
        +------------------------------------------------+------------------------------------------------+
        Query terminated
        millrace>
        """
        .formatted(CliVersion.VERSION, server.uri());
  }

  /** The shell in its own JVM, with this test's classpath and a fresh home for its history. */
  private String shellCommand() {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return Stream.of(
            java,
            "-Duser.home=" + home,
            "-cp",
            classpath,
            "dev.millrace.cli.Main",
            "shell",
            server.uri().toString())
        .map(arg -> "'" + arg.replace("'", "'\\''") + "'")
        .collect(Collectors.joining(" "));
  }
}
