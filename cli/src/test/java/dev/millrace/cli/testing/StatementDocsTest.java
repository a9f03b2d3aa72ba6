package dev.millrace.cli.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keeps the pages of {@code CREATE OR REPLACE} ({@code docs/upgrades.md}) and of variables ({@code
 * docs/variables.md}) true: each page shows its example file as it is, and the example runs as the
 * page prints it.
 */
class StatementDocsTest {
  private static final Pattern CODE_BLOCK = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);
  private static final Path ROOT = RepositoryPaths.root();

  @ParameterizedTest
  @CsvSource({
    "docs/upgrades.md, docs/examples/queries/replace.sql",
    "docs/variables.md, docs/examples/queries/variables.sql"
  })
  void theExampleIsShownInFull(String page, String example) throws IOException {
    assertTrue(
        Files.readString(ROOT.resolve(page))
            .contains("```sql\n" + Files.readString(ROOT.resolve(example)) + "```"),
        example + " is not shown in " + page + " as it is");
  }

  @ParameterizedTest
  @CsvSource({
    "docs/upgrades.md, docs/examples/queries/replace.sql",
    "docs/variables.md, docs/examples/queries/variables.sql"
  })
  void theExampleRunsAsPrinted(String page, String example) throws Exception {
    String run = "$ bin/millrace test " + example + "\n";
    Matcher block = CODE_BLOCK.matcher(Files.readString(ROOT.resolve(page)));
    String shown = null;
    while (block.find()) {
      if (block.group(2).startsWith(run)) {
        shown = block.group(2).substring(run.length());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    Optional<CaseSessionFactory> engine = Optional.of(CaseSessionFactory.find().orElseThrow());
    int status =
        new TestSubcommand(
                print, print, () -> new TestCommand(engine, TestCommand.TEST_TIMEOUT_MILLIS))
            .run(List.of(ROOT.resolve(example).toString()));

    assertEquals(shown, out.toString(StandardCharsets.UTF_8));
    assertEquals(0, status);
  }
}
