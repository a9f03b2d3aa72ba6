package dev.millrace.engine.function;

/**
 * A function call could not be resolved: the name is unknown, no overload accepts the arguments, or
 * an aggregate's initial arguments are invalid. The message is meant for the user; the planner
 * prefixes the call's position.
 */
public class FunctionException extends RuntimeException {
  public FunctionException(String message) {
    super(message);
  }
}
