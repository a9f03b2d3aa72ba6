package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import java.util.List;
import java.util.Map;

/**
 * Makes an aggregate overload's {@link Aggregator} for one call site: the parameter types of its
 * per-row arguments and the values of its literal initial arguments (e.g. TOPK's k). It throws
 * {@link FunctionException} for invalid initial arguments.
 */
@FunctionalInterface
public interface AggregatorFactory {
  Aggregator create(List<SqlType> parameterTypes, List<Object> initArgs);

  /**
   * As {@link #create(List, List)}, with the function's settings for the query ({@code
   * ksql.functions.<name>.<setting>} properties, by setting); only a function that has settings
   * overrides this. It throws {@link FunctionException} for an invalid setting.
   */
  default Aggregator create(
      List<SqlType> parameterTypes, List<Object> initArgs, Map<String, String> settings) {
    return create(parameterTypes, initArgs);
  }
}
