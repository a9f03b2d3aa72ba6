package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code CREATE [OR REPLACE] STREAM|TABLE [IF NOT EXISTS] name [WITH (...)] AS query}. */
public record CreateAsSelect(
    SourceKind kind,
    String name,
    Query query,
    WithProperties properties,
    boolean orReplace,
    boolean ifNotExists,
    NodeLocation location)
    implements Statement {

  public CreateAsSelect {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(properties, "properties");
  }
}
