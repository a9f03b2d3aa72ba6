package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code UNDEFINE name}. */
public record UndefineVariable(String name, NodeLocation location) implements Statement {

  public UndefineVariable {
    Objects.requireNonNull(name, "name");
  }
}
