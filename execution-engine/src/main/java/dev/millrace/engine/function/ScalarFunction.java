package dev.millrace.engine.function;

import java.util.List;

/**
 * A scalar (or table) function of the library: an upper-case name, a description, a category for
 * listings, where it comes from ({@code internal} or a jar), and its overloads.
 */
public record ScalarFunction(
    String name, String description, String category, String path, List<ScalarOverload> overloads) {
  public ScalarFunction {
    overloads = List.copyOf(overloads);
  }
}
