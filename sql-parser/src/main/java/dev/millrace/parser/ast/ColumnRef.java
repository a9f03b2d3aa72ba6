package dev.millrace.parser.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * A column, optionally qualified by a source name or alias ({@code src.col}). Names are already
 * normalised: upper-cased unless they were back-quoted.
 */
public record ColumnRef(Optional<String> source, String name, NodeLocation location)
    implements Expression {

  public ColumnRef {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(name, "name");
  }
}
