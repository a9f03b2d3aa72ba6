package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import java.util.List;

/**
 * A scalar function call resolved to one overload: the types its arguments must be converted to
 * ({@code parameterTypes}, one per argument; a lambda argument's entry is its body type), the
 * result type, and the overload to instantiate for evaluation.
 */
public record ResolvedScalar(
    String name, List<SqlType> parameterTypes, SqlType returnType, ScalarOverload overload) {

  public ResolvedScalar {
    parameterTypes = List.copyOf(parameterTypes);
  }

  public boolean nullOnNullInput() {
    return overload.nullOnNullInput();
  }

  /** The implementation for these argument and result types. */
  public ScalarImplementation instantiate() {
    return overload.implementation().create(parameterTypes, returnType);
  }
}
