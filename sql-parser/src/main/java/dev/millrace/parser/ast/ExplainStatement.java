package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code EXPLAIN statement}: the plan the statement would get, without running it. */
public record ExplainStatement(Statement statement, NodeLocation location) implements Statement {

  public ExplainStatement {
    Objects.requireNonNull(statement, "statement");
  }
}
