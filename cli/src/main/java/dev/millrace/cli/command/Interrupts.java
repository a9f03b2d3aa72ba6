package dev.millrace.cli.command;

/**
 * Where Ctrl-C comes from. The interactive shell routes the terminal's interrupt signal here so a
 * running query can be cancelled without leaving the shell.
 */
@FunctionalInterface
public interface Interrupts {

  /** No interrupts (batch mode): Ctrl-C keeps its usual meaning and ends the process. */
  Interrupts NONE = action -> () -> {};

  /** Runs {@code action} on Ctrl-C until the returned registration is closed. */
  Registration onInterrupt(Runnable action);

  /** An interrupt action in force; closing it restores what was there before. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
