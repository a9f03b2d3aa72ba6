package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code value IS NULL}, or {@code value IS NOT NULL} when {@code negated}. */
public record IsNull(Expression value, boolean negated, NodeLocation location)
    implements Expression {

  public IsNull {
    Objects.requireNonNull(value, "value");
  }
}
