package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code DESCRIBE FUNCTION name}. */
public record DescribeFunction(String name, NodeLocation location) implements Statement {

  public DescribeFunction {
    Objects.requireNonNull(name, "name");
  }
}
