package dev.millrace.planner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.millrace.parser.ParseException;
import dev.millrace.planner.catalog.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Plans the statements of ksqlDB's query-validation cases ({@code shared/compat}) and compares what
 * planning can know with ksqlDB's results: the statements a case expects to be rejected, and the
 * schemas of the sources it creates. Cases needing a schema registry or test UDFs are left out.
 * Writes every mismatch to {@code target/compat-planning.txt}; the test holds the number of
 * agreeing cases at or above the level reached, so it can only go up.
 */
class CompatSchemaTest {
  private static final int AGREEING_AT_LEAST = 1005;

  @Test
  void agreesWithKsqlDbOnSchemasAndRejections() throws IOException {
    Optional<Path> directory = directory();
    Assumptions.assumeTrue(directory.isPresent(), "compat cases not found");
    List<String> mismatches = new ArrayList<>();
    int agreeing = 0;
    int total = 0;
    try (Stream<Path> files = Files.list(directory.get())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        for (JsonNode test : new ObjectMapper().readTree(file.toFile()).path("tests")) {
          if (skipped(test)) {
            continue;
          }
          total++;
          String problem = check(test);
          if (problem == null) {
            agreeing++;
          } else {
            mismatches.add(
                file.getFileName() + " / " + test.path("name").asText() + ": " + problem);
          }
        }
      }
    }
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "compat-planning.txt"), mismatches);
    System.out.println("compat planning: " + agreeing + " of " + total + " cases agree");
    assertTrue(
        agreeing >= AGREEING_AT_LEAST,
        agreeing + " of " + total + " cases agree; see target/compat-planning.txt");
  }

  private static boolean skipped(JsonNode test) {
    for (JsonNode tag : test.path("requires")) {
      if (tag.asText().equals("schema-registry") || tag.asText().equals("udf-jar")) {
        return true;
      }
    }
    return false;
  }

  /** Null when planning agrees with ksqlDB, else what differs. */
  private static String check(JsonNode test) {
    TestSession session = new TestSession();
    test.path("properties")
        .fields()
        .forEachRemaining(p -> session.set(p.getKey(), p.getValue().asText()));
    boolean expectsError = test.has("expectedException");
    for (JsonNode statement : test.path("statements")) {
      try {
        session.run(statement.asText());
      } catch (PlanningException | ParseException e) {
        return expectsError ? null : "rejected " + statement.asText() + " -> " + e.getMessage();
      } catch (RuntimeException | AssertionError e) {
        return "crashed on " + statement.asText() + " -> " + e.toString().replace('\n', ' ');
      }
    }
    if (expectsError) {
      return null;
    }
    for (JsonNode expected : test.path("post").path("sources")) {
      Optional<DataSource> source = session.catalog().source(expected.path("name").asText());
      if (source.isEmpty()) {
        return "missing source " + expected.path("name").asText();
      }
      if (expected.has("schema")) {
        String want = normalise(expected.path("schema").asText());
        String got = normalise(source.get().schema().toSql());
        if (!want.equals(got)) {
          return "schema of " + source.get().name() + ": expected " + want + " but was " + got;
        }
      }
    }
    return null;
  }

  private static String normalise(String schema) {
    return schema
        .replace("`", "")
        .replace("PRIMARY KEY", "KEY")
        .replaceAll("\\bINT\\b", "INTEGER")
        .replaceAll("\\bVARCHAR\\b", "STRING")
        .replaceAll("\\s+", " ")
        .replace(", ", ",")
        .trim()
        .toUpperCase(Locale.ROOT);
  }

  private static Optional<Path> directory() {
    String configured = System.getProperty("millrace.compat.dir");
    if (configured != null) {
      return Optional.of(Path.of(configured));
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("compat");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
