package dev.millrace.parser.ast;

import java.util.Objects;

/**
 * A use of a lambda parameter inside the lambda's body. The parser tells these apart from columns
 * by scope, so later stages need no guessing.
 */
public record LambdaVariable(String name, NodeLocation location) implements Expression {

  public LambdaVariable {
    Objects.requireNonNull(name, "name");
  }
}
