package dev.millrace.engine.function;

import java.util.List;

/** An aggregate function of the library: an upper-case name, a description, and its overloads. */
public record AggregateFunction(String name, String description, List<AggregateOverload> overloads) {
  public AggregateFunction {
    overloads = List.copyOf(overloads);
  }
}
