package dev.millrace.cli.shell;

import dev.millrace.cli.CliVersion;
import dev.millrace.cli.client.MillraceClient;
import dev.millrace.cli.client.MillraceClientException;
import dev.millrace.cli.client.ServerInfo;
import dev.millrace.cli.command.ShellOutput;
import dev.millrace.cli.command.StatementRunner;
import dev.millrace.cli.command.StatementRunner.Outcome;
import dev.millrace.cli.command.StatementSplitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive Millrace shell: reads statements at the {@code millrace> } prompt (several lines
 * until {@code ;}), runs them against a server, and prints results; push queries run until Ctrl-C.
 * History is kept in {@code ~/.millrace/history}.
 */
public final class InteractiveShell {

  static final String PROMPT = "millrace> ";
  private static final String CONTINUATION = "       -> ";

  /** Statements after which the names offered by tab completion may have changed. */
  private static final Set<String> CATALOG_CHANGES = Set.of("CREATE", "DROP", "ALTER", "RUN");

  private final MillraceClient client;

  /** A shell talking to the server {@code client} connects to. */
  public InteractiveShell(MillraceClient client) {
    this.client = client;
  }

  /** Runs the shell on the process's terminal until exit, quit or Ctrl-D; returns the exit code. */
  public int run() throws IOException {
    // Ctrl-C must never end the process: it cancels a query or clears the line instead.
    try (Terminal terminal =
            TerminalBuilder.builder()
                .system(true)
                .signalHandler(Terminal.SignalHandler.SIG_IGN)
                .build();
        ShellOutput out = new ShellOutput(terminal.writer(), terminal::getWidth)) {
      StatementRunner runner = new StatementRunner(client, out, new TerminalInterrupts(terminal));
      SqlCompleter completer = new SqlCompleter();
      LineReader reader = reader(terminal, completer);
      out.print(banner());
      refreshNames(completer, runner);
      return loop(reader, runner, completer);
    }
  }

  private int loop(LineReader reader, StatementRunner runner, SqlCompleter completer) {
    while (true) {
      String input;
      try {
        input = reader.readLine(PROMPT);
      } catch (UserInterruptException ctrlC) {
        continue;
      } catch (EndOfFileException ctrlD) {
        return 0;
      }
      for (String statement : statements(input)) {
        Outcome outcome = runner.run(statement);
        if (outcome == Outcome.EXIT) {
          return 0;
        }
        if (outcome == Outcome.OK
            && CATALOG_CHANGES.contains(StatementSplitter.firstKeyword(statement))) {
          refreshNames(completer, runner);
        }
      }
    }
  }

  private static List<String> statements(String input) {
    StatementSplitter.Split split = StatementSplitter.split(input);
    List<String> statements = new ArrayList<>(split.statements());
    if (!split.remainder().isEmpty()) {
      statements.add(split.remainder());
    }
    return statements;
  }

  private void refreshNames(SqlCompleter completer, StatementRunner runner) {
    try {
      completer.use(CatalogNames.load(client, runner.properties()));
    } catch (MillraceClientException e) {
      // Completion keeps the names it had; the next statement will show what is wrong.
    }
  }

  private String banner() {
    String connected;
    try {
      ServerInfo info = client.info();
      connected = "Connected to " + client.server() + " (server " + info.version() + ").\n";
    } catch (MillraceClientException e) {
      connected = e.getMessage() + "\nStatements will fail until the server is up.\n";
    }
    return "Millrace shell "
        + CliVersion.VERSION
        + "\n"
        + connected
        + "Statements end with ';'. Type 'help' for shell commands, 'exit' to leave.\n\n";
  }

  private static LineReader reader(Terminal terminal, SqlCompleter completer) throws IOException {
    Path history = Path.of(System.getProperty("user.home"), ".millrace", "history");
    Files.createDirectories(history.getParent());
    return LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("millrace")
        .parser(new SqlLineParser())
        .completer(completer)
        .variable(LineReader.HISTORY_FILE, history)
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
        .option(LineReader.Option.CASE_INSENSITIVE, true)
        // '!' belongs to SQL ('!='), not to history expansion.
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .build();
  }
}
