package dev.millrace.parser.ast;

import java.util.List;
import java.util.Objects;

/**
 * A scalar, aggregate or table function call. The name is normalised like any identifier. {@code
 * COUNT(*)} is a call with no arguments, as in ksqlDB.
 */
public record FunctionCall(
    String name, List<Expression> arguments, boolean distinct, NodeLocation location)
    implements Expression {

  public FunctionCall {
    Objects.requireNonNull(name, "name");
    arguments = List.copyOf(arguments);
  }
}
