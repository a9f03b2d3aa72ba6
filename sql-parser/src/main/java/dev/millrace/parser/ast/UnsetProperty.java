package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code UNSET 'name'}. */
public record UnsetProperty(String name, NodeLocation location) implements Statement {

  public UnsetProperty {
    Objects.requireNonNull(name, "name");
  }
}
