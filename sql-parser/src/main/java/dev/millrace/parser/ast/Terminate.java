package dev.millrace.parser.ast;

import java.util.Objects;
import java.util.Optional;

/** {@code TERMINATE queryId}, or {@code TERMINATE ALL} when {@code queryId} is empty. */
public record Terminate(Optional<String> queryId, NodeLocation location) implements Statement {

  public Terminate {
    Objects.requireNonNull(queryId, "queryId");
  }

  public boolean all() {
    return queryId.isEmpty();
  }
}
