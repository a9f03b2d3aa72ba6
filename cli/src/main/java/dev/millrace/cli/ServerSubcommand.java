package dev.millrace.cli;

import dev.millrace.server.MillraceServer;
import dev.millrace.server.config.ConfigException;
import dev.millrace.server.config.ServerConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** {@code millrace server [--config FILE]}: the server alone, until the process is stopped. */
public final class ServerSubcommand implements Subcommand {
  private final PrintStream out;

  public ServerSubcommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public String name() {
    return "server";
  }

  @Override
  public String summary() {
    return "start a server (REST on port 8088; an embedded Kafka broker unless bootstrap.servers is set)";
  }

  @Override
  public String usage() {
    return """
        Usage: millrace server [--config FILE]

          -c, --config FILE   server properties (listeners, bootstrap.servers, millrace.data.dir, ksql.*)
          -h, --help          show this text

        Stop it with Ctrl-C (or SIGTERM): queries, the command log and the broker shut down cleanly.
        """;
  }

  @Override
  public int run(List<String> args) throws UsageException {
    if (args.contains("--help") || args.contains("-h")) {
      out.print(usage());
      return 0;
    }
    ServerConfig config = load(configFile(args));
    try {
      MillraceServer server = MillraceServer.start(config, out::println);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    out.println("Stopping Millrace ...");
                    closeQuietly(server);
                    stopped.countDown();
                  },
                  "millrace-shutdown"));
      stopped.await();
      return 0;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (Exception failed) {
      out.println("Millrace could not start: " + failed.getMessage());
      return 1;
    }
  }

  static ServerConfig load(Optional<Path> file) throws UsageException {
    try {
      return ServerConfig.load(file, Map.of());
    } catch (ConfigException invalid) {
      throw new UsageException(invalid.getMessage());
    }
  }

  static Optional<Path> configFile(List<String> args) throws UsageException {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--config") || arg.equals("-c")) {
        if (i + 1 >= args.size()) {
          throw new UsageException("--config needs a file");
        }
        return Optional.of(Path.of(args.get(i + 1)));
      }
      throw new UsageException("Unknown option '" + arg + "'");
    }
    return Optional.empty();
  }

  static void closeQuietly(MillraceServer server) {
    try {
      server.close();
    } catch (Exception failed) {
      System.err.println("Millrace did not stop cleanly: " + failed.getMessage());
    }
  }
}
