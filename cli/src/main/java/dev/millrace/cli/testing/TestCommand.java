package dev.millrace.cli.testing;

import dev.millrace.cli.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs tests offline on an in-process engine, in any of three forms (JSON case files, SQL test
 * files, or ksql-test-runner's statements/input/output files), prints a line per test and the
 * closing count, and optionally writes the JSON report. Returns the exit status: 0 when every test
 * passed, 1 when any did not, 2 when no engine is available or the report cannot be written.
 */
public final class TestCommand {
  /** Long enough for any sane test on a loaded machine, short enough that a hang costs little. */
  public static final long TEST_TIMEOUT_MILLIS = 20_000;

  private final Optional<CaseSessionFactory> sessions;
  private final long testTimeoutMillis;

  public TestCommand(Optional<CaseSessionFactory> sessions, long testTimeoutMillis) {
    this.sessions = sessions;
    this.testTimeoutMillis = testTimeoutMillis;
  }

  /**
   * @throws UsageException when a directory given holds no {@code .sql} files
   */
  public int run(TestArguments arguments, PrintStream out, PrintStream err) throws UsageException {
    List<Path> files = expand(arguments.files());
    if (sessions.isEmpty()) {
      err.println(
          "millrace test: no engine found on the class path (no "
              + CaseSessionFactory.class.getName()
              + " provider)");
      return 2;
    }
    CaseSessionFactory factory =
        arguments
            .extensionDir()
            .map(dir -> sessions.get().withExtensionDir(dir, err::println))
            .orElse(sessions.get());
    TestReport report = new TestReport(runAll(arguments, files, factory, new ResultPrinter(out)));
    report.printSummary(out);
    return writeReport(arguments.report(), report, err) ? (report.allPassed() ? 0 : 1) : 2;
  }

  private List<CaseResult> runAll(
      TestArguments arguments,
      List<Path> files,
      CaseSessionFactory factory,
      ResultPrinter printer) {
    List<CaseResult> results = new ArrayList<>();
    CaseFileRunner caseFiles = new CaseFileRunner(new CaseRunner(factory), testTimeoutMillis);
    arguments.runnerFiles().ifPresent(runner -> results.add(runOne(runner, caseFiles, printer)));
    SqlTestRunner sqlFiles = new SqlTestRunner(factory, testTimeoutMillis);
    for (Path file : files) {
      if (files.size() > 1) {
        printer.file(file.toString());
      }
      results.addAll(
          isSql(file) ? sqlFiles.run(file, printer::print) : caseFiles.run(file, printer::print));
    }
    return results;
  }

  private static CaseResult runOne(
      RunnerFiles runner, CaseFileRunner caseFiles, ResultPrinter printer) {
    CaseResult result;
    try {
      CaseFile file = new CaseFile(null, List.of(runner.toTestCase()));
      result = caseFiles.run(runner.name(), file, r -> {}).get(0);
    } catch (TestInputException unusable) {
      result =
          new CaseResult(
              runner.name(), runner.name(), CaseResult.Status.ERROR, unusable.getMessage());
    }
    printer.print(result);
    return result;
  }

  /** Directories become the .sql files under them, in name order. */
  private static List<Path> expand(List<Path> paths) throws UsageException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.isDirectory(path)) {
        files.add(path);
        continue;
      }
      List<Path> found = sqlFilesUnder(path);
      if (found.isEmpty()) {
        throw new UsageException("no .sql test files in " + path);
      }
      files.addAll(found);
    }
    return files;
  }

  private static List<Path> sqlFilesUnder(Path directory) throws UsageException {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile).filter(TestCommand::isSql).sorted().toList();
    } catch (IOException unreadable) {
      throw new UsageException(
          "cannot read the directory " + directory + ": " + unreadable.getMessage());
    }
  }

  private static boolean isSql(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql");
  }

  private static boolean writeReport(Optional<Path> file, TestReport report, PrintStream err) {
    if (file.isEmpty()) {
      return true;
    }
    try {
      report.write(file.get());
      return true;
    } catch (IOException unwritable) {
      err.println(
          "millrace test: cannot write the report " + file.get() + ": " + unwritable.getMessage());
      return false;
    }
  }
}
