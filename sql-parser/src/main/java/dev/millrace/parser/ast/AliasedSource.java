package dev.millrace.parser.ast;

import java.util.Objects;
import java.util.Optional;

/** A stream or table named in FROM or JOIN, with its optional alias ({@code FROM s [AS] a}). */
public record AliasedSource(String name, Optional<String> alias, NodeLocation location)
    implements Relation {

  public AliasedSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(alias, "alias");
  }

  /** The name by which columns of this source are qualified: the alias, else the name. */
  public String qualifier() {
    return alias.orElse(name);
  }
}
