package dev.millrace.planner;

import dev.millrace.parser.ast.NodeLocation;
import java.util.Objects;

/**
 * A statement the planner rejects. {@link #getMessage()} reads {@code line L:C: what is wrong} when
 * the offending AST node's position is known, else just what is wrong.
 */
public final class PlanningException extends RuntimeException {
  private final NodeLocation location;
  private final String reason;

  public PlanningException(NodeLocation location, String reason) {
    super(location.isKnown() ? location.describe() + ": " + reason : reason);
    this.location = Objects.requireNonNull(location, "location");
    this.reason = reason;
  }

  /** Where the offending node starts ({@link NodeLocation#NONE} when not from text). */
  public NodeLocation location() {
    return location;
  }

  /** The message without its position prefix. */
  public String reason() {
    return reason;
  }
}
