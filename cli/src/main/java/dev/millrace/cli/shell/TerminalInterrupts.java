package dev.millrace.cli.shell;

import dev.millrace.cli.command.Interrupts;
import org.jline.terminal.Terminal;

/** Ctrl-C from the terminal: while an action is registered, the interrupt signal runs it. */
final class TerminalInterrupts implements Interrupts {

  private final Terminal terminal;

  TerminalInterrupts(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Registration onInterrupt(Runnable action) {
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> action.run());
    return () -> terminal.handle(Terminal.Signal.INT, previous);
  }
}
