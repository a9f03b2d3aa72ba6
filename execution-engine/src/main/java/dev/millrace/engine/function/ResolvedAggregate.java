package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import java.util.List;

/**
 * An aggregate call resolved to one overload: the types its per-row arguments must be converted to,
 * and the aggregator to run.
 */
public record ResolvedAggregate(String name, List<SqlType> parameterTypes, Aggregator aggregator) {
  public ResolvedAggregate {
    parameterTypes = List.copyOf(parameterTypes);
  }

  public SqlType returnType() {
    return aggregator.returnType();
  }
}
