package dev.millrace.engine.plan;

/** A stored plan this engine cannot read (see {@link PlanJson#read}); the message says why. */
public final class UnreadablePlanException extends Exception {
  public UnreadablePlanException(String reason) {
    super(reason);
  }
}
