package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code CREATE TYPE [IF NOT EXISTS] name AS type}. */
public record CreateType(String name, DataType type, boolean ifNotExists, NodeLocation location)
    implements Statement {

  public CreateType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
