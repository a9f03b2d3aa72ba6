package dev.millrace.cli;

import dev.millrace.cli.client.MillraceClient;
import dev.millrace.cli.command.Interrupts;
import dev.millrace.cli.command.ScriptFiles;
import dev.millrace.cli.command.ShellOutput;
import dev.millrace.cli.command.StatementRunner;
import dev.millrace.cli.command.StatementRunner.Outcome;
import dev.millrace.cli.shell.InteractiveShell;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code millrace shell [URL]}: the interactive shell, or with {@code --file}/{@code --execute} a
 * batch run that prints each result and stops with exit code 1 at the first failing statement.
 */
public final class ShellSubcommand implements Subcommand {

  /** Width of tables when output is not a terminal. */
  private static final int BATCH_WIDTH = 120;

  private final PrintStream stdout;

  /** Batch output goes to {@code stdout}; the interactive shell uses the terminal. */
  public ShellSubcommand(PrintStream stdout) {
    this.stdout = stdout;
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
        Usage: millrace shell [URL] [--file FILE | --execute "STATEMENTS"]

          URL                      the server, default %s
          -f, --file FILE          run the statements of FILE, then exit
          -e, --execute STATEMENTS run these statements (each ending with ';'), then exit
          -h, --help               show this text

        With --file or --execute the exit code is 1 when a statement fails; later ones do not run.
        """.formatted(ShellOptions.DEFAULT_SERVER);
  }

  @Override
  public int run(List<String> args) throws UsageException {
    ShellOptions options = ShellOptions.parse(args);
    if (options.help()) {
      stdout.print(usage());
      return 0;
    }
    MillraceClient client = new MillraceClient(options.server());
    try {
      return options.batch() ? runBatch(client, options) : new InteractiveShell(client).run();
    } catch (IOException e) {
      stdout.println(e.getMessage());
      return 1;
    }
  }

  private int runBatch(MillraceClient client, ShellOptions options) throws IOException {
    String statements = options.execute().isPresent() ? options.execute().get()
        : ScriptFiles.read(options.file().get());
    PrintWriter writer = new PrintWriter(stdout, true, StandardCharsets.UTF_8);
    try (ShellOutput out = new ShellOutput(writer, () -> BATCH_WIDTH)) {
      Outcome outcome = new StatementRunner(client, out, Interrupts.NONE).runScript(statements);
      return outcome == Outcome.FAILED ? 1 : 0;
    }
  }
}
