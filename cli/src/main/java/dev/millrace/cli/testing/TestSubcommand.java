package dev.millrace.cli.testing;

import dev.millrace.cli.Subcommand;
import dev.millrace.cli.UsageException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

/** {@code millrace test}: the offline test runner, with the engine found on the class path. */
public final class TestSubcommand implements Subcommand {
  private final PrintStream out;
  private final PrintStream err;
  private final Supplier<TestCommand> command;

  /**
   * Results go to {@code out}; problems with the engine or the report to {@code err}. The engine is
   * looked up only when tests run, so other subcommands never load it.
   */
  public TestSubcommand(PrintStream out, PrintStream err) {
    this(
        out,
        err,
        () -> new TestCommand(CaseSessionFactory.find(), TestCommand.TEST_TIMEOUT_MILLIS));
  }

  TestSubcommand(PrintStream out, PrintStream err, Supplier<TestCommand> command) {
    this.out = out;
    this.err = err;
    this.command = command;
  }

  @Override
  public String name() {
    return "test";
  }

  @Override
  public String summary() {
    return "run SQL tests offline on an in-process engine (no Kafka, no server)";
  }

  @Override
  public String usage() {
    return """
        Usage: millrace test [--report REPORT.json] PATH.sql|DIR...   SQL test files (--@test: sections)
               millrace test [--report REPORT.json] FILE.json...      JSON case files
               millrace test [--report REPORT.json] -s STATEMENTS.sql [-i INPUT.json] -o OUTPUT.json

          -s, --sql-file FILE      statements to test (ksql-test-runner form)
          -i, --input-file FILE    {"inputs": [records]} written to source topics
          -o, --output-file FILE   {"outputs": [records]} expected on sink topics
          --report FILE            also write every result as JSON to FILE
          --extension-dir DIR      load user functions from the jars in DIR (ksql.extension.dir)
          -h, --help               show this text

        Prints PASS, FAIL, SKIP or ERROR per test, then 'N passed, N failed'.
        The exit code is 0 only when every test passed.
        """;
  }

  @Override
  public int run(List<String> args) throws UsageException {
    TestArguments arguments = TestArguments.parse(args);
    if (arguments.help()) {
      out.print(usage());
      return 0;
    }
    return command.get().run(arguments, out, err);
  }
}
