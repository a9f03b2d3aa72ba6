package dev.millrace.cli.shell;

import dev.millrace.cli.command.Interrupts;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Terminal;

/**
 * Ctrl-C from the terminal: while an action is registered (a query runs), the interrupt signal runs
 * it. Meanwhile typed keys are not echoed, so neither they nor a {@code ^C} garble the rows.
 */
final class TerminalInterrupts implements Interrupts {

  private final Terminal terminal;

  TerminalInterrupts(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Registration onInterrupt(Runnable action) {
    Attributes before = terminal.getAttributes();
    Attributes quiet = new Attributes(before);
    quiet.setLocalFlag(LocalFlag.ECHO, false);
    quiet.setLocalFlag(LocalFlag.ECHOCTL, false);
    terminal.setAttributes(quiet);
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> action.run());
    return () -> {
      terminal.handle(Terminal.Signal.INT, previous);
      terminal.setAttributes(before);
    };
  }
}
