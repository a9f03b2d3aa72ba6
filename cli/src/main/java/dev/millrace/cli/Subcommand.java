package dev.millrace.cli;

import java.util.List;

/** One subcommand of {@code bin/millrace}, such as {@code shell}. */
public interface Subcommand {

  /** The word that selects it: {@code bin/millrace <name> ...}. */
  String name();

  /** One line for the launcher's list of subcommands. */
  String summary();

  /** The full usage text, shown by {@code --help} and after a usage error. */
  String usage();

  /**
   * Runs with the arguments after the subcommand's name.
   *
   * @return the process exit code
   * @throws UsageException when the arguments are wrong
   */
  int run(List<String> args) throws UsageException;
}
