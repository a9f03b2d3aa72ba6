package dev.millrace.cli.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps {@code docs/joins.md} true: its example is shown as the file says, and runs as shown. */
class JoinsDocsTest {
  private static final Pattern CODE_BLOCK = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);
  private static final Path ROOT = RepositoryPaths.root();
  private static final Path EXAMPLE = ROOT.resolve("docs/examples/joins/shipments.sql");

  @Test
  void theStreamStreamExampleIsShownWithoutItsTestLine() throws IOException {
    List<String> lines = Files.readAllLines(EXAMPLE);
    assertTrue(lines.get(0).startsWith("--@test:"));
    String shown = String.join("\n", lines.subList(1, lines.size())).strip();

    assertTrue(blocks("sql").contains(shown), "docs/joins.md does not show " + EXAMPLE + " as it is");
  }

  @Test
  void theShownRunPrintsWhatThePageSays() throws Exception {
    String run = blocks("").stream().filter(b -> b.startsWith("$ bin/millrace test ")).findFirst().orElseThrow();
    String[] lines = run.split("\n", 2);
    String file = lines[0].substring("$ bin/millrace test ".length()).strip();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    Optional<CaseSessionFactory> engine = Optional.of(CaseSessionFactory.find().orElseThrow());

    int status = new TestSubcommand(print, print, () -> new TestCommand(engine, TestCommand.TEST_TIMEOUT_MILLIS))
        .run(List.of(ROOT.resolve(file).toString()));

    assertEquals(lines[1], out.toString(StandardCharsets.UTF_8));
    assertEquals(0, status);
  }

  private static List<String> blocks(String language) throws IOException {
    Matcher block = CODE_BLOCK.matcher(Files.readString(ROOT.resolve("docs/joins.md")));
    List<String> found = new ArrayList<>();
    while (block.find()) {
      if (block.group(1).equals(language)) {
        found.add(language.isEmpty() ? block.group(2) : block.group(2).strip());
      }
    }
    return found;
  }
}
