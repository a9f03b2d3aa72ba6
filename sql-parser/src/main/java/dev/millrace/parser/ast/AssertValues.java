package dev.millrace.parser.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code ASSERT VALUES target [(columns)] VALUES (values)}: the test runner checks that the next
 * record of the target has these values.
 */
public record AssertValues(
    String target, List<String> columns, List<Expression> values, NodeLocation location)
    implements Statement {

  public AssertValues {
    Objects.requireNonNull(target, "target");
    columns = List.copyOf(columns);
    values = List.copyOf(values);
  }
}
