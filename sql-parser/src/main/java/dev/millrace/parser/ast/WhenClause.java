package dev.millrace.parser.ast;

import java.util.Objects;

/**
 * One {@code WHEN operand THEN result} arm of a CASE. In a searched CASE the operand is a
 * condition; in a simple CASE it is the value compared with the CASE operand.
 */
public record WhenClause(Expression operand, Expression result, NodeLocation location)
    implements Node {

  public WhenClause {
    Objects.requireNonNull(operand, "operand");
    Objects.requireNonNull(result, "result");
  }
}
