package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import java.util.List;

/**
 * One overload of an aggregate function: the signature of its per-row arguments (the result type is
 * given by the aggregator; the signature's result text is for listings) and the types of the
 * literal initial arguments that follow them in a call.
 */
public record AggregateOverload(
    Signature signature, List<SqlType> initParameters, AggregatorFactory factory) {
  public AggregateOverload {
    initParameters = List.copyOf(initParameters);
  }

  /** The overload as shown to people, e.g. {@code TOPK(T, INTEGER k) => ARRAY<T>}. */
  String toSql() {
    if (initParameters.isEmpty()) {
      return signature.toSql();
    }
    String text = signature.toSql();
    int close = text.indexOf(") =>");
    StringBuilder params = new StringBuilder(text.substring(0, close));
    for (SqlType init : initParameters) {
      params.append(params.length() > 1 ? ", " : "").append(init.toSql());
    }
    return params + text.substring(close);
  }
}
