package dev.millrace.parser.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code CASE operand WHEN v THEN r ... [ELSE d] END}. */
public record SimpleCase(
    Expression operand,
    List<WhenClause> whenClauses,
    Optional<Expression> defaultValue,
    NodeLocation location)
    implements Expression {

  public SimpleCase {
    Objects.requireNonNull(operand, "operand");
    whenClauses = List.copyOf(whenClauses);
    Objects.requireNonNull(defaultValue, "defaultValue");
  }
}
