package dev.millrace.engine.function;

import java.util.List;

/** A scalar function of the library: an upper-case name, a description, and its overloads. */
public record ScalarFunction(String name, String description, List<ScalarOverload> overloads) {
  public ScalarFunction {
    overloads = List.copyOf(overloads);
  }
}
