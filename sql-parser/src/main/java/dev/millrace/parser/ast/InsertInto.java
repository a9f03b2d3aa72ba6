package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code INSERT INTO target [WITH (...)] query}: a persistent query appending to a stream. */
public record InsertInto(
    String target, Query query, WithProperties properties, NodeLocation location)
    implements Statement {

  public InsertInto {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(properties, "properties");
  }
}
