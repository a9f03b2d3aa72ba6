package dev.millrace.parser.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code CASE WHEN cond THEN r ... [ELSE d] END}. */
public record SearchedCase(
    List<WhenClause> whenClauses, Optional<Expression> defaultValue, NodeLocation location)
    implements Expression {

  public SearchedCase {
    whenClauses = List.copyOf(whenClauses);
    Objects.requireNonNull(defaultValue, "defaultValue");
  }
}
