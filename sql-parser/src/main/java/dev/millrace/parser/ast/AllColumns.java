package dev.millrace.parser.ast;

import java.util.Objects;
import java.util.Optional;

/** {@code *}, or {@code src.*} when {@code source} is present. */
public record AllColumns(Optional<String> source, NodeLocation location) implements SelectItem {

  public AllColumns {
    Objects.requireNonNull(source, "source");
  }
}
