package dev.millrace.cli.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.parser.ScriptSplitter;
import dev.millrace.parser.StatementText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ksqlDB's {@code ksql-test-runner} form, turned into one {@link TestCase}: a statements file, an
 * optional input file {@code {"inputs": [records]}} and an expected output file {@code {"outputs":
 * [records]}}, records being {@code {topic, key, value, timestamp?, window?}}. The test is named
 * after the statements file.
 */
public record RunnerFiles(Path statements, Optional<Path> inputs, Path outputs) {

  /**
   * Reads the three files into a case.
   *
   * @throws TestInputException when a file cannot be read or is not JSON of the expected shape
   */
  public TestCase toTestCase() {
    List<String> sql = statementTexts();
    List<TestRecord> in = inputs.map(file -> records(file, "inputs")).orElse(List.of());
    List<TestRecord> out = records(outputs, "outputs");
    return new TestCase(name(), sql, null, null, in, out, null, null, null);
  }

  /** The test's name: the statements file's name. */
  public String name() {
    return statements.getFileName().toString();
  }

  /**
   * Cut, not parsed: a statement the engine cannot parse is rejected when it runs, like any other.
   */
  private List<String> statementTexts() {
    return ScriptSplitter.split(read(statements)).stream().map(StatementText::text).toList();
  }

  private static List<TestRecord> records(Path file, String field) {
    JsonNode array;
    try {
      array = CaseFileRunner.JSON.readTree(read(file)).get(field);
    } catch (JsonProcessingException malformed) {
      throw new TestInputException(file + ": not valid JSON: " + malformed.getOriginalMessage());
    }
    if (array == null || !array.isArray()) {
      throw new TestInputException(file + ": expected {\"" + field + "\": [records]}");
    }
    List<TestRecord> records = new ArrayList<>();
    for (JsonNode record : array) {
      if (!record.hasNonNull("topic")) {
        throw new TestInputException(
            file + ": " + field + "[" + records.size() + "] has no \"topic\"");
      }
      try {
        records.add(CaseFileRunner.JSON.convertValue(record, TestRecord.class));
      } catch (IllegalArgumentException malformed) {
        throw new TestInputException(
            file
                + ": "
                + field
                + "["
                + records.size()
                + "] is not a record: "
                + malformed.getMessage());
      }
    }
    return records;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException unreadable) {
      throw new TestInputException("cannot read " + file + ": " + unreadable.getMessage());
    }
  }
}
