package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code DESCRIBE STREAMS|TABLES [EXTENDED]}: describe every source of that kind. */
public record DescribeAll(SourceKind kind, boolean extended, NodeLocation location)
    implements Statement {

  public DescribeAll {
    Objects.requireNonNull(kind, "kind");
  }
}
