package dev.millrace.planner.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.planner.PlannedStatement;
import dev.millrace.planner.TestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EXPLAIN output as golden files, one per feature: {@code explain/<feature>.sql} is explained after
 * {@code explain/setup.sql} and must print {@code explain/<feature>.txt}. Run with {@code
 * -Dmillrace.regenerateGolden=true} to rewrite the .txt files after an intended change.
 */
class ExplainGoldenTest {
  private static final Path DIRECTORY = Path.of("src", "test", "resources", "explain");

  static List<String> features() throws IOException {
    try (Stream<Path> files = Files.list(DIRECTORY)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".sql") && !n.equals("setup.sql"))
          .map(n -> n.substring(0, n.length() - 4))
          .sorted()
          .toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("features")
  void explainMatchesTheGoldenFile(String feature) throws IOException {
    TestSession session = new TestSession().run(Files.readString(DIRECTORY.resolve("setup.sql")));
    String statement = Files.readString(DIRECTORY.resolve(feature + ".sql")).trim();
    String text = ((PlannedStatement.Explained) session.plan("EXPLAIN " + statement)).text();
    Path golden = DIRECTORY.resolve(feature + ".txt");
    if (Boolean.getBoolean("millrace.regenerateGolden")) {
      Files.writeString(golden, text);
    }
    assertEquals(Files.readString(golden), text);
  }
}
