package dev.millrace.engine.function;

import java.util.List;

/**
 * One overload of a scalar function. When {@code nullOnNullInput}, a null value argument makes the
 * result null without calling the implementation (most functions); otherwise the implementation
 * sees the nulls (COALESCE, IFNULL, CONCAT...). {@code parameterNames} name the parameters in
 * descriptions, one per parameter, or none for arg1, arg2...
 */
public record ScalarOverload(
    Signature signature,
    boolean nullOnNullInput,
    ImplementationFactory implementation,
    List<String> parameterNames) {

  public ScalarOverload {
    parameterNames = List.copyOf(parameterNames);
    if (!parameterNames.isEmpty() && parameterNames.size() != signature.parameters().size()) {
      throw new IllegalArgumentException("one name per parameter, or none");
    }
  }

  /** An overload whose parameters are shown as arg1, arg2... */
  public ScalarOverload(
      Signature signature, boolean nullOnNullInput, ImplementationFactory implementation) {
    this(signature, nullOnNullInput, implementation, List.of());
  }
}
