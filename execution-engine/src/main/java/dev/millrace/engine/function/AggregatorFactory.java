package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import java.util.List;

/**
 * Makes an aggregate overload's {@link Aggregator} for one call site: the parameter types of its
 * per-row arguments and the values of its literal initial arguments (e.g. TOPK's k). It throws
 * {@link FunctionException} for invalid initial arguments.
 */
@FunctionalInterface
public interface AggregatorFactory {
  Aggregator create(List<SqlType> parameterTypes, List<Object> initArgs);
}
