package dev.millrace.parser.ast;

import java.util.Objects;

/** A struct field access: {@code base->field}. */
public record Dereference(Expression base, String field, NodeLocation location)
    implements Expression {

  public Dereference {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(field, "field");
  }
}
