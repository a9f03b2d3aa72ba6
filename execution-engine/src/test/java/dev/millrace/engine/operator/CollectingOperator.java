package dev.millrace.engine.operator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The end of a chain under test: keeps each row it receives, rendered as text. */
final class CollectingOperator implements Operator {
  final List<String> rows = new ArrayList<>();

  @Override
  public void process(Row row, RecordContext record) {
    rows.add(
        Arrays.toString(row.key())
            + " "
            + render(row.value())
            + " was "
            + render(row.oldValue())
            + " @"
            + row.timestamp());
  }

  private static String render(Object[] value) {
    return value == null ? "null" : Arrays.toString(value);
  }
}
