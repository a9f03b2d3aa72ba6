package dev.millrace.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parses every statement of ksqlDB's query-validation cases in {@code shared/compat}. Cases that
 * expect an error may hold bad syntax on purpose, so only the others must parse; how many of the
 * error cases the parser already rejects is printed, not asserted (other stages reject the rest).
 */
class CompatCorpusTest {

    private final SqlParser parser = new SqlParser();

    @Test
    void parsesTheCompatibilityCorpus() throws IOException {
        Optional<Path> corpus = corpusDirectory();
        assumeTrue(corpus.isPresent(), "shared/compat not found; set -Dmillrace.compat.dir");
        List<String> failures = new ArrayList<>();
        List<String> rejectedOnPurpose = new ArrayList<>();
        int total = 0;
        try (Stream<Path> files = Files.list(corpus.get())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode test : new ObjectMapper().readTree(file.toFile()).path("tests")) {
                    boolean expectsError = test.has("expectedException");
                    for (JsonNode statement : test.path("statements")) {
                        total++;
                        try {
                            parser.parse(statement.asText());
                        } catch (ParseException e) {
                            String report = file.getFileName() + " / " + test.path("name").asText()
                                    + ": " + e.getMessage() + "\n  " + statement.asText();
                            (expectsError ? rejectedOnPurpose : failures).add(report);
                        }
                    }
                }
            }
        }
        rejectedOnPurpose.forEach(r -> System.out.println("rejected, as the case expects: " + r));
        failures.forEach(System.out::println);
        System.out.println(failures.size() + " of " + total + " statements failed to parse");
        assertTrue(total > 1000, "corpus looks empty: " + total);
        assertTrue(failures.isEmpty(),
                failures.size() + " failures:\n" + String.join("\n", failures));
    }

    private static Optional<Path> corpusDirectory() {
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
