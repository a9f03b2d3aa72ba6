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
import org.junit.jupiter.params.provider.ValueSource;

/** Keeps {@code docs/joins.md} true: each of its examples is shown as it is and runs as printed. */
class JoinsDocsTest {
  private static final Pattern CODE_BLOCK = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);
  private static final Path ROOT = RepositoryPaths.root();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "docs/examples/joins/table-table.sql",
        "docs/examples/joins/shipments.sql",
        "docs/examples/joins/multi-column.sql",
        "docs/examples/joins/windowed.sql"
      })
  void theExampleIsShownInFull(String example) throws IOException {
    String page = Files.readString(ROOT.resolve("docs/joins.md"));
    assertTrue(
        page.contains("```sql\n" + Files.readString(ROOT.resolve(example)) + "```"),
        example + " is not shown in docs/joins.md as it is");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "docs/examples/joins/table-table.sql",
        "docs/examples/joins/shipments.sql",
        "docs/examples/joins/multi-column.sql",
        "docs/examples/joins/windowed.sql"
      })
  void theExampleRunsAsPrinted(String example) throws Exception {
    String run = "$ bin/millrace test " + example + "\n";
    Matcher block = CODE_BLOCK.matcher(Files.readString(ROOT.resolve("docs/joins.md")));
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
