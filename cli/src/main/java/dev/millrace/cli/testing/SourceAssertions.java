package dev.millrace.cli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.millrace.cli.testing.CaseSession.SourceSummary;
import dev.millrace.cli.testing.SourceColumns.Column;
import dev.millrace.parser.ast.AssertSource;
import dev.millrace.parser.ast.AssertTombstone;
import dev.millrace.parser.ast.AssertValues;
import dev.millrace.parser.ast.DataType;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.parser.ast.PrimitiveType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the {@code ASSERT} statements of a SQL test against a session. Each {@code ASSERT VALUES}
 * or {@code ASSERT NULL VALUES} reads the next record of the source's topic that no earlier
 * assertion read. Columns the assertion does not list are expected to be null, except ROWTIME,
 * WINDOWSTART and WINDOWEND, which are compared only when listed. Messages start as ksqlDB's do
 * ({@code Expected record does not match actual}), so {@code --@expected.message:} lines carry
 * over.
 */
final class SourceAssertions {
  private static final DataType BIGINT = PrimitiveType.of(PrimitiveType.Kind.BIGINT);
  private static final Set<String> PSEUDO_COLUMNS =
      Set.of(RecordColumns.ROWTIME, RecordColumns.WINDOWSTART, RecordColumns.WINDOWEND);

  private final CaseSession session;
  private final Map<String, Integer> readSoFar = new HashMap<>();

  SourceAssertions(CaseSession session) {
    this.session = session;
  }

  /** Empty when the next record of the target has these values, else the difference. */
  Optional<String> values(AssertValues statement) {
    return check(
        statement.target(),
        (source, columns) -> {
          List<String> names =
              statement.columns().isEmpty()
                  ? columns.stream().map(Column::name).toList()
                  : statement.columns();
          Map<String, JsonNode> expected =
              expectedRow(columns, names, statement.values(), true, statement.location());
          Optional<TestRecord> next = next(source);
          if (next.isEmpty()) {
            return noMoreRecords(statement.target(), source);
          }
          if (next.get().value() == null || next.get().value().isNull()) {
            return Optional.of(
                "Expected record does not match actual: the next record of "
                    + statement.target()
                    + " is a tombstone (key "
                    + next.get().key()
                    + ")");
          }
          return rowDifference(
              "Expected record does not match actual for " + statement.target(),
              expected,
              next.get(),
              columns,
              source);
        });
  }

  /** Empty when the next record of the target is a tombstone with this key, else the difference. */
  Optional<String> tombstone(AssertTombstone statement) {
    return check(
        statement.target(),
        (source, columns) -> {
          List<Column> keys = columns.stream().filter(Column::key).toList();
          List<String> names =
              statement.keyColumns().isEmpty()
                  ? keys.stream().map(Column::name).toList()
                  : statement.keyColumns();
          Map<String, JsonNode> expected =
              expectedRow(keys, names, statement.keyValues(), false, statement.location());
          Optional<TestRecord> next = next(source);
          if (next.isEmpty()) {
            return noMoreRecords(statement.target(), source);
          }
          if (next.get().value() != null && !next.get().value().isNull()) {
            return Optional.of(
                "Expected tombstone does not match actual: the next record of "
                    + statement.target()
                    + " has value "
                    + next.get().value()
                    + " (key "
                    + next.get().key()
                    + ")");
          }
          return rowDifference(
              "Expected tombstone does not match actual for " + statement.target(),
              expected,
              next.get(),
              columns,
              source);
        });
  }

  /**
   * Empty when the source exists with this kind, schema, topic and formats, else the difference.
   */
  Optional<String> source(AssertSource statement) {
    return check(
        statement.name(),
        (source, columns) -> {
          String name = statement.name();
          if (!statement.kind().name().equalsIgnoreCase(source.type())) {
            return Optional.of(
                "Expected type does not match actual for source "
                    + name
                    + ": expected a "
                    + statement.kind()
                    + " but it is a "
                    + source.type());
          }
          List<Column> expected = statement.elements().stream().map(Column::of).toList();
          if (!expected.isEmpty() && !expected.equals(columns)) {
            return Optional.of(
                "Expected schema does not match actual for source "
                    + name
                    + "\n  expected: "
                    + SourceColumns.describe(expected)
                    + "\n  actual:   "
                    + SourceColumns.describe(columns));
          }
          return SourceProperties.difference(name, statement.properties(), source);
        });
  }

  /** Looks the source up and reads its columns before running the check. */
  private Optional<String> check(String target, SourceCheck check) {
    Optional<SourceSummary> source = session.source(target);
    if (source.isEmpty()) {
      return Optional.of("source " + target + " does not exist");
    }
    return check.difference(source.get(), SourceColumns.parse(source.get()));
  }

  /** The listed columns with their values, then every other column of the row as null. */
  private static Map<String, JsonNode> expectedRow(
      List<Column> columns,
      List<String> names,
      List<Expression> values,
      boolean pseudoColumns,
      NodeLocation at) {
    if (names.size() != values.size()) {
      throw new TestInputException(
          "line "
              + at
              + ": "
              + names.size()
              + " columns "
              + names
              + " but "
              + values.size()
              + " values");
    }
    Map<String, JsonNode> row = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      row.put(
          names.get(i),
          LiteralSpecs.of(
              values.get(i), typeOf(columns, names.get(i), pseudoColumns, values.get(i))));
    }
    columns.forEach(c -> row.putIfAbsent(c.name(), NullNode.getInstance()));
    return row;
  }

  private static DataType typeOf(
      List<Column> columns, String name, boolean pseudoColumns, Expression at) {
    if (pseudoColumns && PSEUDO_COLUMNS.contains(name)) {
      return BIGINT;
    }
    return SourceColumns.find(columns, name)
        .map(Column::type)
        .orElseThrow(
            () ->
                new TestInputException(
                    "line "
                        + at.location()
                        + ": no column "
                        + name
                        + " (the columns are "
                        + SourceColumns.describe(columns)
                        + ")"));
  }

  private Optional<String> rowDifference(
      String headline,
      Map<String, JsonNode> expected,
      TestRecord record,
      List<Column> columns,
      SourceSummary source) {
    Map<String, JsonNode> actual = RecordColumns.of(record, columns, source.valueFormat());
    Set<String> differing =
        expected.keySet().stream()
            .filter(
                c ->
                    ValueSpecComparison.difference(
                            expected.get(c), actual.getOrDefault(c, NullNode.getInstance()))
                        .isPresent())
            .collect(Collectors.toSet());
    if (differing.isEmpty()) {
      return Optional.empty();
    }
    int index = readSoFar.get(source.topic()) - 1;
    return Optional.of(
        headline
            + " (record "
            + index
            + " of topic "
            + source.topic()
            + ")\n"
            + RecordDiff.columns(expected, actual, differing));
  }

  private Optional<TestRecord> next(SourceSummary source) {
    List<TestRecord> records = session.output(source.topic());
    int index = readSoFar.getOrDefault(source.topic(), 0);
    if (index >= records.size()) {
      return Optional.empty();
    }
    readSoFar.put(source.topic(), index + 1);
    return Optional.of(records.get(index));
  }

  private Optional<String> noMoreRecords(String target, SourceSummary source) {
    int read = readSoFar.getOrDefault(source.topic(), 0);
    return Optional.of(
        "Expected a record in "
            + target
            + " but topic "
            + source.topic()
            + " has no more records ("
            + read
            + " read by earlier assertions)");
  }

  /** A check of one existing source, given its summary and columns. */
  private interface SourceCheck {
    Optional<String> difference(SourceSummary source, List<Column> columns);
  }
}
