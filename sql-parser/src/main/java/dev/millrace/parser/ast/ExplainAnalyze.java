package dev.millrace.parser.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code EXPLAIN ANALYZE queryId} or {@code EXPLAIN ANALYZE statement}: the plan of a running
 * persistent query with what each of its steps has done so far. The statement form names the query
 * that runs that statement: a CREATE ... AS SELECT, an INSERT INTO ... SELECT, or the SELECT of
 * one.
 *
 * @param queryId the query's id, when named by id
 * @param statement the statement the query runs, when named by statement
 */
public record ExplainAnalyze(
    Optional<String> queryId, Optional<Statement> statement, NodeLocation location)
    implements Statement {

  public ExplainAnalyze {
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(statement, "statement");
    if (queryId.isPresent() == statement.isPresent()) {
      throw new IllegalArgumentException("EXPLAIN ANALYZE names a query by id or by statement");
    }
  }
}
