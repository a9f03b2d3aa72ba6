package dev.millrace.cli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/** Shows expected and actual records of a topic side by side, for a failing case's message. */
final class RecordDiff {
  private RecordDiff() {}

  /** The counts differ: the rows only one side has are marked. */
  static String counts(String topic, List<TestRecord> expected, List<TestRecord> actual) {
    int common = Math.min(expected.size(), actual.size());
    return "topic "
        + topic
        + ": expected "
        + expected.size()
        + " records but got "
        + actual.size()
        + "\n"
        + table(expected, actual, row -> row >= common);
  }

  /** The first difference is at {@code index}: that row is marked. */
  static String at(
      String topic,
      int index,
      String difference,
      List<TestRecord> expected,
      List<TestRecord> actual) {
    return "topic "
        + topic
        + ", record "
        + index
        + ": "
        + difference
        + "\n"
        + table(expected, actual, row -> row == index);
  }

  /**
   * An expected row beside the actual one, a column per line, {@code ≠} marking the columns that
   * differ: the readable part of a failed {@code ASSERT VALUES}.
   */
  static String columns(
      Map<String, JsonNode> expected, Map<String, JsonNode> actual, Set<String> differing) {
    int nameWidth =
        Math.max(6, expected.keySet().stream().mapToInt(String::length).max().orElse(0));
    int width =
        Math.max(
            8,
            expected.values().stream().mapToInt(v -> String.valueOf(v).length()).max().orElse(0));
    width = Math.min(width, 60);
    StringBuilder out =
        new StringBuilder(
            String.format(
                "  %-" + nameWidth + "s   %-" + width + "s | %s%n",
                "column",
                "expected",
                "actual"));
    for (Map.Entry<String, JsonNode> column : expected.entrySet()) {
      String mark = differing.contains(column.getKey()) ? "≠" : "|";
      out.append(
          String.format(
              "  %-" + nameWidth + "s   %-" + width + "s %s %s%n",
              column.getKey(),
              column.getValue(),
              mark,
              actual.get(column.getKey())));
    }
    return out.toString().stripTrailing();
  }

  private static String table(
      List<TestRecord> expected, List<TestRecord> actual, IntPredicate marked) {
    int rows = Math.max(expected.size(), actual.size());
    int width = 0;
    for (TestRecord r : expected) {
      width = Math.max(width, show(r).length());
    }
    width = Math.min(Math.max(width, 8), 80);
    StringBuilder out =
        new StringBuilder(String.format("  %-" + width + "s | %s%n", "expected", "actual"));
    for (int i = 0; i < rows; i++) {
      String left = i < expected.size() ? show(expected.get(i)) : "";
      String right = i < actual.size() ? show(actual.get(i)) : "";
      out.append(
          String.format("  %-" + width + "s %s %s%n", left, marked.test(i) ? "≠" : "|", right));
    }
    return out.toString().stripTrailing();
  }

  private static String show(TestRecord record) {
    String window =
        record.window() == null
            ? ""
            : " [" + record.window().start() + "," + record.window().end() + ")";
    String time = record.timestamp() == null ? "" : " @" + record.timestamp();
    return record.key() + window + " -> " + record.value() + time;
  }
}
