package dev.millrace.cli.testing;

import dev.millrace.parser.ScriptSplitter;
import dev.millrace.parser.StatementText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a SQL test file in the form of ksqlDB's {@code run-ksql-test}: tests start at a {@code
 * --@test: name} line and run to the next one; {@code --@expected.error: class} and {@code
 * --@expected.message: text} lines inside a test say it must fail. Only comments may come before
 * the first test.
 */
public final class SqlTestFile {
  private static final Pattern DIRECTIVE = Pattern.compile("^\\s*--@([\\w.]+):(.*)$");

  private SqlTestFile() {}

  /**
   * @throws TestInputException when the file cannot be read or its directives are malformed
   */
  public static List<SqlTest> read(Path file) {
    try {
      return parse(file.getFileName().toString(), Files.readString(file));
    } catch (IOException unreadable) {
      throw new TestInputException("cannot read " + file + ": " + unreadable.getMessage());
    }
  }

  /** The tests of a file's text, in order; {@code file} names the file in messages and results. */
  public static List<SqlTest> parse(String file, String text) {
    String[] lines = text.split("\r?\n", -1);
    List<Section> sections = new ArrayList<>();
    Map<String, Integer> firstLineOfName = new HashMap<>();
    for (int i = 0; i < lines.length; i++) {
      Matcher directive = DIRECTIVE.matcher(lines[i]);
      if (!directive.matches()) {
        continue;
      }
      String name = directive.group(1);
      String value = directive.group(2).strip();
      int line = i + 1;
      if (name.equals("test")) {
        requireNew(file, line, value, firstLineOfName);
        sections.add(new Section(value, line));
      } else if (sections.isEmpty()) {
        throw error(file, line, "--@" + name + ": must come after a --@test: line");
      } else {
        sections.get(sections.size() - 1).set(file, line, name, value);
      }
    }
    requireOnlyCommentsBefore(
        file, sections.isEmpty() ? lines.length : sections.get(0).line - 1, lines);
    List<SqlTest> tests = new ArrayList<>();
    for (int s = 0; s < sections.size(); s++) {
      int end = s + 1 < sections.size() ? sections.get(s + 1).line - 1 : lines.length;
      tests.add(sections.get(s).toTest(file, sqlOf(lines, sections.get(s).line - 1, end)));
    }
    return tests;
  }

  private static void requireNew(
      String file, int line, String name, Map<String, Integer> firstLineOfName) {
    if (name.isEmpty()) {
      throw error(file, line, "--@test: needs a name");
    }
    Integer first = firstLineOfName.putIfAbsent(name, line);
    if (first != null) {
      throw error(
          file, line, "a second test named '" + name + "' (the first is at line " + first + ")");
    }
  }

  /** Statements before the first test would never run, so they are an error rather than ignored. */
  private static void requireOnlyCommentsBefore(String file, int lineCount, String[] lines) {
    String prefix = sqlOf(lines, 0, lineCount);
    List<StatementText> statements = ScriptSplitter.split(prefix);
    if (!statements.isEmpty()) {
      throw error(
          file,
          statements.get(0).start().line(),
          "statements before the first --@test: line would never run");
    }
  }

  /** Lines [from, to) of the file, every other line left blank so line numbers stay the file's. */
  private static String sqlOf(String[] lines, int from, int to) {
    StringBuilder sql = new StringBuilder("\n".repeat(from));
    for (int i = from; i < to; i++) {
      sql.append(lines[i]).append('\n');
    }
    return sql.toString();
  }

  private static TestInputException error(String file, int line, String message) {
    return new TestInputException(file + ":" + line + ": " + message);
  }

  /** A test being read: its name, first line and directives. */
  private static final class Section {
    private final String name;
    private final int line;
    private Optional<String> expectedError = Optional.empty();
    private Optional<String> expectedMessage = Optional.empty();

    Section(String name, int line) {
      this.name = name;
      this.line = line;
    }

    void set(String file, int at, String directive, String value) {
      switch (directive) {
        case "expected.error" -> expectedError = Optional.of(value);
        case "expected.message" -> expectedMessage = Optional.of(value);
        default ->
            throw error(
                file,
                at,
                "unknown directive --@"
                    + directive
                    + ": (known: --@test:, --@expected.error:, --@expected.message:)");
      }
    }

    SqlTest toTest(String file, String sql) {
      return new SqlTest(file, name, line, expectedError, expectedMessage, sql);
    }
  }
}
