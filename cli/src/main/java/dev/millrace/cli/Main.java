package dev.millrace.cli;

import dev.millrace.cli.testing.TestSubcommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The entry point of {@code bin/millrace}: picks a {@link Subcommand} by its first argument. Adding
 * a subcommand means adding it to {@link #SUBCOMMANDS}.
 */
public final class Main {

  /** Exit code for a wrong command line. */
  public static final int USAGE_ERROR = 2;

  private static final List<Subcommand> SUBCOMMANDS =
      List.of(
          new LocalSubcommand(System.out),
          new ServerSubcommand(System.out),
          new ShellSubcommand(),
          new TestSubcommand(System.out, System.err));

  /** What {@code millrace} with no arguments runs. */
  private static final String DEFAULT_SUBCOMMAND = "local";

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args), SUBCOMMANDS, System.err));
  }

  /**
   * Runs the subcommand named by {@code args[0]} among {@code subcommands}; returns the exit code.
   */
  static int run(List<String> args, List<Subcommand> subcommands, PrintStream err) {
    if (args.isEmpty() && subcommands.stream().anyMatch(s -> s.name().equals(DEFAULT_SUBCOMMAND))) {
      return run(List.of(DEFAULT_SUBCOMMAND), subcommands, err);
    }
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
      err.print(usage(subcommands));
      return args.isEmpty() ? USAGE_ERROR : 0;
    }
    Optional<Subcommand> chosen =
        subcommands.stream().filter(s -> s.name().equals(args.get(0))).findFirst();
    if (chosen.isEmpty()) {
      err.print("Unknown command '" + args.get(0) + "'.\n" + usage(subcommands));
      return USAGE_ERROR;
    }
    try {
      return chosen.get().run(args.subList(1, args.size()));
    } catch (UsageException e) {
      err.print(e.getMessage() + "\n" + chosen.get().usage());
      return USAGE_ERROR;
    }
  }

  private static String usage(List<Subcommand> subcommands) {
    StringBuilder usage = new StringBuilder("Usage: millrace <command> [options]\n\nCommands:\n");
    int width = subcommands.stream().mapToInt(s -> s.name().length()).max().orElse(0);
    for (Subcommand subcommand : subcommands) {
      usage
          .append("  ")
          .append(subcommand.name())
          .append(" ".repeat(width - subcommand.name().length() + 3))
          .append(subcommand.summary())
          .append('\n');
    }
    return usage.append("\nRun 'millrace <command> --help' for a command's options.\n").toString();
  }
}
