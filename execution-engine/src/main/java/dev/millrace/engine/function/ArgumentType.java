package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import java.util.List;
import java.util.function.Function;

/**
 * The type of one argument at a call site, as given to overload resolution. A lambda's body can
 * only be typed once its parameter types are known, so a lambda argument is its arity and a
 * callback that types the body for given parameter types.
 */
public sealed interface ArgumentType {

  static ArgumentType of(SqlType type) {
    return new Value(type);
  }

  /** A value argument; a null type is an untyped NULL literal, which fits any parameter. */
  record Value(SqlType type) implements ArgumentType {}

  /** A lambda argument of {@code arity} parameters. */
  record Lambda(int arity, Function<List<SqlType>, SqlType> bodyType) implements ArgumentType {}
}
