package dev.millrace.parser.ast;

import java.util.Objects;

/** One {@code NAME = literal} entry of a WITH clause; the name is upper-cased. */
public record Property(String name, Literal value, NodeLocation location) implements Node {

  public Property {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
