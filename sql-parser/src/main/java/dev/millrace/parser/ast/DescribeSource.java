package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code DESCRIBE [EXTENDED] name}. */
public record DescribeSource(String name, boolean extended, NodeLocation location)
    implements Statement {

  public DescribeSource {
    Objects.requireNonNull(name, "name");
  }
}
