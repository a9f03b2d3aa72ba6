package dev.millrace.cli;

import dev.millrace.cli.client.ClientSecurity;
import dev.millrace.cli.client.ClientTlsConfig;
import dev.millrace.cli.client.MillraceClient;
import dev.millrace.cli.command.Interrupts;
import dev.millrace.cli.command.ScriptFiles;
import dev.millrace.cli.command.ShellOutput;
import dev.millrace.cli.command.StatementRunner;
import dev.millrace.cli.command.StatementRunner.Outcome;
import dev.millrace.cli.shell.InteractiveShell;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * {@code millrace shell [URL]}: the interactive shell, or with {@code --file}/{@code --execute} a
 * batch run that prints each result and stops with exit code 1 at the first failing statement.
 * Without a terminal (statements piped in) standard input is run as a script.
 */
public final class ShellSubcommand implements Subcommand {

  /** Width of tables when output is not a terminal. */
  private static final int BATCH_WIDTH = 120;

  private final InputStream stdin;
  private final PrintStream stdout;
  private final boolean terminal;

  /** The shell on the process's standard streams, interactive when they are a terminal. */
  public ShellSubcommand() {
    this(System.in, System.out, System.console() != null);
  }

  /**
   * @param stdin statements when there is no terminal and no --file or --execute
   * @param stdout where batch runs print
   * @param terminal whether to run the interactive shell when no statements are given
   */
  ShellSubcommand(InputStream stdin, PrintStream stdout, boolean terminal) {
    this.stdin = stdin;
    this.stdout = stdout;
    this.terminal = terminal;
  }

  @Override
  public String name() {
    return "shell";
  }

  @Override
  public String summary() {
    return "SQL shell connected to a running server (default " + ShellOptions.DEFAULT_SERVER + ")";
  }

  @Override
  public String usage() {
    return """
        Usage: millrace shell [URL] [--file FILE | --execute "STATEMENTS"] [OPTIONS]

          URL                      the server, default %s (https://... for TLS)
          -f, --file FILE          run the statements of FILE, then exit
          -e, --execute STATEMENTS run these statements (each ending with ';'), then exit
          -u, --user USER          log in as USER (servers with authentication.method=BASIC)
          -p, --password PASSWORD  USER's password; asked for on the terminal when left out
          --config-file FILE       TLS settings: ssl.truststore.location, ssl.truststore.password,
                                   ssl.keystore.location, ssl.keystore.password, ssl.key.password
          -h, --help               show this text

        Without a terminal, statements are read from standard input (echo "SHOW STREAMS;" | ...).
        When statements come from a file, --execute or standard input, the exit code is 1 if one
        fails; the statements after it do not run.
        """
        .formatted(ShellOptions.DEFAULT_SERVER);
  }

  @Override
  public int run(List<String> args) throws UsageException {
    ShellOptions options = ShellOptions.parse(args);
    if (options.help()) {
      stdout.print(usage());
      return 0;
    }
    MillraceClient client = new MillraceClient(options.server(), security(options));
    try {
      if (options.batch() || !terminal) {
        return runBatch(client, statements(options));
      }
      return new InteractiveShell(client).run();
    } catch (IOException e) {
      stdout.println(e.getMessage());
      return 1;
    }
  }

  private ClientSecurity security(ShellOptions options) throws UsageException {
    Optional<SSLContext> tls;
    try {
      tls = options.configFile().map(ClientTlsConfig::read);
    } catch (IllegalArgumentException unreadable) {
      throw new UsageException("--config-file " + unreadable.getMessage());
    }
    if (options.user().isEmpty()) {
      return new ClientSecurity(tls, Optional.empty(), "");
    }
    return new ClientSecurity(tls, options.user(), password(options));
  }

  private String password(ShellOptions options) throws UsageException {
    if (options.password().isPresent()) {
      return options.password().get();
    }
    Console console = System.console();
    if (!terminal || console == null) {
      throw new UsageException("--user needs --password when there is no terminal to ask on.");
    }
    char[] typed = console.readPassword("Password for %s: ", options.user().get());
    return typed == null ? "" : new String(typed);
  }

  private String statements(ShellOptions options) throws IOException {
    if (options.execute().isPresent()) {
      return options.execute().get();
    }
    return options.file().isPresent()
        ? ScriptFiles.read(options.file().get())
        : new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
  }

  private int runBatch(MillraceClient client, String statements) {
    PrintWriter writer = new PrintWriter(stdout, true, StandardCharsets.UTF_8);
    try (ShellOutput out = new ShellOutput(writer, () -> BATCH_WIDTH)) {
      Outcome outcome = new StatementRunner(client, out, Interrupts.NONE).runScript(statements);
      return outcome == Outcome.FAILED ? 1 : 0;
    }
  }
}
