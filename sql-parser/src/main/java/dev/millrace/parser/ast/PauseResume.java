package dev.millrace.parser.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code PAUSE queryId} or {@code RESUME queryId} ({@code pause} false); {@code ALL} when {@code
 * queryId} is empty.
 */
public record PauseResume(Optional<String> queryId, boolean pause, NodeLocation location)
    implements Statement {

  public PauseResume {
    Objects.requireNonNull(queryId, "queryId");
  }

  public boolean all() {
    return queryId.isEmpty();
  }
}
