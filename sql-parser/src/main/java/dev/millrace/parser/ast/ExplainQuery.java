package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code EXPLAIN queryId}: the plan of a running query. */
public record ExplainQuery(String queryId, NodeLocation location) implements Statement {

  public ExplainQuery {
    Objects.requireNonNull(queryId, "queryId");
  }
}
