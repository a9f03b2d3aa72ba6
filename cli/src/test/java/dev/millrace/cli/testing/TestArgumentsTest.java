package dev.millrace.cli.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.cli.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestArgumentsTest {
  @TempDir Path dir;

  @BeforeEach
  void files() throws Exception {
    for (String name :
        List.of(
            "cases.json",
            "more.json",
            "tests.sql",
            "statements.sql",
            "input.json",
            "output.json",
            "notes.txt")) {
      Files.writeString(dir.resolve(name), "");
    }
    Files.createDirectory(dir.resolve("suite"));
  }

  @Test
  void caseFilesSqlFilesAndDirectoriesKeepTheirOrder() throws UsageException {
    TestArguments arguments =
        parse("--report", "r.json", "cases.json", "suite", "tests.sql", "more.json");
    assertEquals(
        List.of(path("cases.json"), path("suite"), path("tests.sql"), path("more.json")),
        arguments.files());
    assertEquals(Optional.of(Path.of("r.json")), arguments.report());
    assertEquals(Optional.empty(), arguments.runnerFiles());
  }

  @Test
  void ksqlTestRunnerFormWithAndWithoutInputFile() throws UsageException {
    TestArguments full = parse("-s", "statements.sql", "-i", "input.json", "-o", "output.json");
    assertEquals(
        Optional.of(
            new RunnerFiles(
                path("statements.sql"), Optional.of(path("input.json")), path("output.json"))),
        full.runnerFiles());
    assertEquals(List.of(), full.files());

    TestArguments longForm = parse("--output-file", "output.json", "--sql-file", "statements.sql");
    assertEquals(
        Optional.of(new RunnerFiles(path("statements.sql"), Optional.empty(), path("output.json"))),
        longForm.runnerFiles());
  }

  @Test
  void extensionDirIsADirectory() throws UsageException {
    assertEquals(
        Optional.of(dir.resolve("suite")),
        parse("--extension-dir", "suite", "cases.json").extensionDir());
    assertEquals(Optional.empty(), parse("cases.json").extensionDir());
  }

  @Test
  void helpNeedsNothingElse() throws UsageException {
    assertTrue(parse("--help").help());
    assertTrue(parse("cases.json", "-h").help());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                                   | no tests given",
        "--report                             | --report needs a file name",
        "--report r.json                      | no tests given",
        "--report a.json --report b.json x    | --report may be given only once",
        "--verbose cases.json                 | unknown option --verbose",
        "missing.json                         | no such file or directory: DIR/missing.json",
        "notes.txt                            | DIR/notes.txt: expected a .json case file, a .sql test file or a directory",
        "-s statements.sql                    | the ksql-test-runner form needs both -s STATEMENTS.sql and -o OUTPUT.json",
        "-i input.json -o output.json         | the ksql-test-runner form needs both -s STATEMENTS.sql and -o OUTPUT.json",
        "-s statements.sql -o nothing.json    | no such file or directory: DIR/nothing.json",
        "-s statements.sql -o output.json cases.json | -s/-i/-o run one test; give other test files in a separate run (got DIR/cases.json)",
        "-s statements.sql -s tests.sql -o output.json | -s may be given only once",
        "--extension-dir notes.txt cases.json | --extension-dir: no such directory: DIR/notes.txt",
        "--extension-dir suite --extension-dir suite cases.json | --extension-dir may be given only once",
      })
  void usageErrorsSayWhatIsWrong(String args, String message) {
    String[] words = args.isEmpty() ? new String[0] : args.trim().split("\\s+");
    UsageException wrong = assertThrows(UsageException.class, () -> parse(words));
    assertEquals(message.replace("DIR/", dir + "/"), wrong.getMessage());
  }

  private TestArguments parse(String... args) throws UsageException {
    String[] resolved = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      boolean file = !args[i].startsWith("-") && (i == 0 || !args[i - 1].equals("--report"));
      resolved[i] = file ? dir.resolve(args[i]).toString() : args[i];
    }
    return TestArguments.parse(List.of(resolved));
  }

  private Path path(String name) {
    return dir.resolve(name);
  }
}
