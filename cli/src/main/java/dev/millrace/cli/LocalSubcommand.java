package dev.millrace.cli;

import dev.millrace.cli.client.MillraceClient;
import dev.millrace.cli.shell.InteractiveShell;
import dev.millrace.server.MillraceServer;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code millrace local} (and plain {@code millrace}): a server with an embedded broker in this
 * process, and the shell connected to it; leaving the shell stops both.
 */
public final class LocalSubcommand implements Subcommand {
  private final PrintStream out;

  public LocalSubcommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public String summary() {
    return "a server with an embedded Kafka broker, and a shell connected to it (the default)";
  }

  @Override
  public String usage() {
    return """
        Usage: millrace [local] [--config FILE]

          -c, --config FILE   server properties (see 'millrace server --help')
          -h, --help          show this text

        Leaving the shell (exit, or Ctrl-D) stops the server and the broker.
        """;
  }

  @Override
  public int run(List<String> args) throws UsageException {
    if (args.contains("--help") || args.contains("-h")) {
      out.print(usage());
      return 0;
    }
    var config = ServerSubcommand.load(ServerSubcommand.configFile(args));
    MillraceServer server;
    try {
      server = MillraceServer.start(config, out::println);
    } catch (Exception failed) {
      out.println("Millrace could not start: " + failed.getMessage());
      return 1;
    }
    Thread stopOnExit =
        new Thread(() -> ServerSubcommand.closeQuietly(server), "millrace-shutdown");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    try {
      return new InteractiveShell(new MillraceClient(server.uri())).run();
    } catch (IOException failed) {
      out.println(failed.getMessage());
      return 1;
    } finally {
      out.println("Stopping Millrace ...");
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
      ServerSubcommand.closeQuietly(server);
    }
  }
}
