package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code DROP TYPE [IF EXISTS] name}. */
public record DropType(String name, boolean ifExists, NodeLocation location) implements Statement {

  public DropType {
    Objects.requireNonNull(name, "name");
  }
}
