package dev.millrace.cli;

import dev.millrace.cli.testing.TestCommand;
import java.io.PrintStream;
import java.util.List;

/** {@code millrace test ...}: the offline test runner (see docs/testing.md). */
public final class TestSubcommand implements Subcommand {
  private final PrintStream out;
  private final PrintStream err;

  public TestSubcommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public String name() {
    return "test";
  }

  @Override
  public String summary() {
    return "run SQL tests offline, without Kafka (JSON cases, ksql-test-runner files, SQL test files)";
  }

  @Override
  public String usage() {
    return dev.millrace.cli.testing.TestArguments.USAGE;
  }

  @Override
  public int run(List<String> args) {
    return TestCommand.run(args.toArray(String[]::new), out, err);
  }
}
