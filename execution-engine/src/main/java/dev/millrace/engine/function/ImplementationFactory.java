package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import java.util.List;

/**
 * Makes an overload's implementation for the concrete parameter and result types of one call site,
 * so type-dependent choices (which comparator, which DECIMAL scale) are made once, not per row.
 */
@FunctionalInterface
public interface ImplementationFactory {
  ScalarImplementation create(List<SqlType> parameterTypes, SqlType returnType);
}
