package dev.millrace.cli.testing;

import dev.millrace.cli.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The arguments of {@code millrace test}: JSON case files, SQL test files and directories of them,
 * or the {@code -s/-i/-o} files of the ksql-test-runner form; and {@code --report FILE}.
 */
public record TestArguments(
    List<Path> files,
    Optional<RunnerFiles> runnerFiles,
    Optional<Path> report,
    Optional<Path> extensionDir,
    boolean help) {

  public TestArguments {
    files = List.copyOf(files);
  }

  /**
   * @throws UsageException naming the argument that is wrong
   */
  public static TestArguments parse(List<String> args) throws UsageException {
    List<Path> files = new ArrayList<>();
    Path report = null;
    Path extensionDir = null;
    Path statements = null;
    Path input = null;
    Path output = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "-h", "--help" -> {
          return new TestArguments(
              List.of(), Optional.empty(), Optional.empty(), Optional.empty(), true);
        }
        case "--report" -> report = once(report, arg, value(args, ++i, arg));
        case "--extension-dir" ->
            extensionDir = once(extensionDir, arg, directory(value(args, ++i, arg)));
        case "-s", "--sql-file" -> statements = once(statements, arg, value(args, ++i, arg));
        case "-i", "--input-file" -> input = once(input, arg, value(args, ++i, arg));
        case "-o", "--output-file" -> output = once(output, arg, value(args, ++i, arg));
        default -> files.add(positional(arg));
      }
    }
    Optional<RunnerFiles> runner = runnerFiles(statements, input, output, files);
    if (runner.isEmpty() && files.isEmpty()) {
      throw new UsageException("no tests given");
    }
    return new TestArguments(
        files, runner, Optional.ofNullable(report), Optional.ofNullable(extensionDir), false);
  }

  private static Optional<RunnerFiles> runnerFiles(
      Path statements, Path input, Path output, List<Path> files) throws UsageException {
    if (statements == null && input == null && output == null) {
      return Optional.empty();
    }
    if (statements == null || output == null) {
      throw new UsageException(
          "the ksql-test-runner form needs both -s STATEMENTS.sql and -o OUTPUT.json");
    }
    if (!files.isEmpty()) {
      throw new UsageException(
          "-s/-i/-o run one test; give other test files in a separate run (got "
              + files.get(0)
              + ")");
    }
    for (Path file :
        input == null ? List.of(statements, output) : List.of(statements, input, output)) {
      requireExists(file);
    }
    return Optional.of(new RunnerFiles(statements, Optional.ofNullable(input), output));
  }

  private static Path positional(String arg) throws UsageException {
    if (arg.startsWith("-")) {
      throw new UsageException("unknown option " + arg);
    }
    Path path = Path.of(arg);
    requireExists(path);
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!Files.isDirectory(path) && !name.endsWith(".json") && !name.endsWith(".sql")) {
      throw new UsageException(
          arg + ": expected a .json case file, a .sql test file or a directory");
    }
    return path;
  }

  private static Path directory(Path path) throws UsageException {
    if (!Files.isDirectory(path)) {
      throw new UsageException("--extension-dir: no such directory: " + path);
    }
    return path;
  }

  private static void requireExists(Path path) throws UsageException {
    if (!Files.exists(path)) {
      throw new UsageException("no such file or directory: " + path);
    }
  }

  private static Path value(List<String> args, int index, String option) throws UsageException {
    if (index >= args.size()) {
      throw new UsageException(option + " needs a file name");
    }
    return Path.of(args.get(index));
  }

  private static Path once(Path previous, String option, Path value) throws UsageException {
    if (previous != null) {
      throw new UsageException(option + " may be given only once");
    }
    return value;
  }
}
