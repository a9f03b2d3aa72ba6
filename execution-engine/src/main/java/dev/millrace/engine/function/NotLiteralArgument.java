package dev.millrace.engine.function;

/**
 * An aggregate call gives an expression where its overload takes an initial argument, which must be
 * a literal; {@link #argumentIndex} says which argument, so the planner can quote it.
 */
public final class NotLiteralArgument extends FunctionException {
  private final int argumentIndex;

  NotLiteralArgument(String function, int argumentIndex) {
    super(
        "Parameter "
            + (argumentIndex + 1)
            + " passed to function "
            + function
            + " must be a literal constant");
    this.argumentIndex = argumentIndex;
  }

  /** The position of the argument in the call, from 0. */
  public int argumentIndex() {
    return argumentIndex;
  }
}
