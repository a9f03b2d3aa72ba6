package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code SET 'name' = 'value'}: a session property; the name keeps its case. */
public record SetProperty(String name, String value, NodeLocation location) implements Statement {

  public SetProperty {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
