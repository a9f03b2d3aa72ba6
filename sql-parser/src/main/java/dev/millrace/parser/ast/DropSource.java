package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code DROP STREAM|TABLE [IF EXISTS] name [DELETE TOPIC]}. */
public record DropSource(
    SourceKind kind, String name, boolean ifExists, boolean deleteTopic, NodeLocation location)
    implements Statement {

  public DropSource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }
}
