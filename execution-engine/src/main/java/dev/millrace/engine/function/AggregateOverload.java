package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import java.util.List;

/**
 * One overload of an aggregate function: the signature of its per-row arguments (the result type is
 * given by the aggregator; the signature's result text is for listings) and the types of the
 * literal initial arguments that follow them in a call; when {@code initVariadic}, the last of
 * those may be given any number of times (also zero).
 */
public record AggregateOverload(
    Signature signature,
    List<SqlType> initParameters,
    boolean initVariadic,
    AggregatorFactory factory) {
  public AggregateOverload {
    initParameters = List.copyOf(initParameters);
    if (initVariadic && (initParameters.isEmpty() || signature.variadic())) {
      throw new IllegalArgumentException(
          "variadic initial arguments need a parameter to repeat and fixed columns");
    }
  }

  /**
   * How many of a call's {@code argumentCount} arguments this overload takes per row (the rest are
   * initial arguments), or -1 when it cannot take that many.
   */
  int rowArgumentCount(int argumentCount) {
    if (initVariadic) {
      int rows = signature.parameters().size();
      return argumentCount - rows >= initParameters.size() - 1 ? rows : -1;
    }
    int rows = argumentCount - initParameters.size();
    return rows >= 0 && signature.acceptsCount(rows) ? rows : -1;
  }

  /** The overload as shown to people, e.g. {@code TOPK(T, INTEGER k) => ARRAY<T>}. */
  String toSql() {
    if (initParameters.isEmpty()) {
      return signature.toSql();
    }
    String text = signature.toSql();
    int close = text.indexOf(") =>");
    StringBuilder params = new StringBuilder(text.substring(0, close));
    for (int i = 0; i < initParameters.size(); i++) {
      params.append(params.length() > 1 ? ", " : "").append(initParameters.get(i).toSql());
      if (initVariadic && i == initParameters.size() - 1) {
        params.append("...");
      }
    }
    return params + text.substring(close);
  }
}
