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
import org.junit.jupiter.api.Test;

/**
 * Keeps the PAUSE and RESUME section of {@code docs/operations.md} true: its example is shown as it
 * is and runs as printed.
 */
class PauseDocsTest {
  private static final Pattern CODE_BLOCK = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);
  private static final Path ROOT = RepositoryPaths.root();
  private static final String PAGE = "docs/operations.md";
  private static final String EXAMPLE = "docs/examples/queries/pause.sql";

  @Test
  void theExampleIsShownInFull() throws IOException {
    assertTrue(
        Files.readString(ROOT.resolve(PAGE))
            .contains("```sql\n" + Files.readString(ROOT.resolve(EXAMPLE)) + "```"),
        EXAMPLE + " is not shown in " + PAGE + " as it is");
  }

  @Test
  void theExampleRunsAsPrinted() throws Exception {
    String run = "$ bin/millrace test " + EXAMPLE + "\n";
    Matcher block = CODE_BLOCK.matcher(Files.readString(ROOT.resolve(PAGE)));
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
            .run(List.of(ROOT.resolve(EXAMPLE).toString()));

    assertEquals(shown, out.toString(StandardCharsets.UTF_8));
    assertEquals(0, status);
  }
}
