package dev.millrace.parser.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code INSERT INTO target [(columns)] VALUES (values)}. An empty column list means all columns of
 * the target in schema order.
 */
public record InsertValues(
    String target, List<String> columns, List<Expression> values, NodeLocation location)
    implements Statement {

  public InsertValues {
    Objects.requireNonNull(target, "target");
    columns = List.copyOf(columns);
    values = List.copyOf(values);
  }
}
