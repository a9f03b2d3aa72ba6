package dev.millrace.engine.function;

import java.util.List;

/**
 * An aggregate function of the library: an upper-case name, a description, a category for listings,
 * where it comes from ({@code internal} or a jar), and its overloads.
 */
public record AggregateFunction(
    String name,
    String description,
    String category,
    String path,
    List<AggregateOverload> overloads) {
  public AggregateFunction {
    overloads = List.copyOf(overloads);
  }
}
