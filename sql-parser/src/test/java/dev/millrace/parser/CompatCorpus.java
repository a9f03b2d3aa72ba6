package dev.millrace.parser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads the statements of ksqlDB's query-validation cases in {@code shared/compat}. */
final class CompatCorpus {

  /** One statement and the case it comes from. */
  record CompatStatement(String file, String test, boolean expectsError, String sql) {
    String describe() {
      return file + " / " + test + ":\n  " + sql;
    }
  }

  private CompatCorpus() {}

  /** Every statement, or empty when the corpus is not found (the caller skips). */
  static Optional<List<CompatStatement>> statements() {
    return directory().map(CompatCorpus::read);
  }

  private static List<CompatStatement> read(Path directory) {
    List<CompatStatement> statements = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        for (JsonNode test : new ObjectMapper().readTree(file.toFile()).path("tests")) {
          for (JsonNode statement : test.path("statements")) {
            statements.add(
                new CompatStatement(
                    file.getFileName().toString(),
                    test.path("name").asText(),
                    test.has("expectedException"),
                    statement.asText()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return statements;
  }

  /**
   * {@code -Dmillrace.compat.dir}, else the nearest {@code shared/compat} above the working dir.
   */
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
