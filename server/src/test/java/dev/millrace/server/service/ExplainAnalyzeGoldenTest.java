package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.parser.ParsedStatement;
import dev.millrace.server.api.KsqlEntity;
import dev.millrace.server.api.QueryDescriptionEntity;
import dev.millrace.server.offline.InMemoryBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EXPLAIN ANALYZE output as golden files, one per feature: the statements of {@code
 * explain-analyze/<feature>.sql} run on the in-memory backend (which counts with the same operators
 * as the Kafka runtime), and the plan the last one, an EXPLAIN ANALYZE, shows must be {@code
 * explain-analyze/<feature>.txt}. Run with {@code -Dmillrace.regenerateGolden=true} to rewrite the
 * .txt files after an intended change, and read the difference.
 */
class ExplainAnalyzeGoldenTest {
  private static final Path DIRECTORY = Path.of("src", "test", "resources", "explain-analyze");
  private static final FunctionRegistry FUNCTIONS = FunctionRegistry.builtIns();

  static List<String> features() throws IOException {
    try (Stream<Path> files = Files.list(DIRECTORY)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".sql"))
          .map(n -> n.substring(0, n.length() - 4))
          .sorted()
          .toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("features")
  void explainAnalyzeMatchesTheGoldenFile(String feature) throws IOException {
    StatementEngine engine =
        new StatementEngine(
            new InMemoryBackend(FUNCTIONS), new RecordingCommandLog(), FUNCTIONS, Map.of(), true);
    KsqlEntity last = null;
    for (ParsedStatement statement :
        engine.parse(Files.readString(DIRECTORY.resolve(feature + ".sql")))) {
      last = engine.execute(statement, Session.of(new HashMap<>(), Map.of()));
    }
    String text = ((QueryDescriptionEntity) last).queryDescription().executionPlan();
    Path golden = DIRECTORY.resolve(feature + ".txt");
    if (Boolean.getBoolean("millrace.regenerateGolden")) {
      Files.writeString(golden, text);
    }
    assertEquals(Files.readString(golden), text);
  }

  /** The EXPLAIN ANALYZE section of the operations page shows this example as it runs. */
  @Test
  void theOperationsPageShowsTheFilterExampleAndItsPlanAsTheyAre() throws IOException {
    String page = Files.readString(Path.of("..", "docs", "operations.md"));
    String statements = Files.readString(DIRECTORY.resolve("filter-project.sql"));
    String plan = Files.readString(DIRECTORY.resolve("filter-project.txt"));
    assertTrue(page.contains("```sql\n" + statements + "```"), "statements shown as they are");
    assertTrue(page.contains("```text\n" + plan + "```"), "plan shown as it is");
  }
}
