package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How well one signature fits the arguments of a call: the parameter types the arguments convert
 * to, the result type, and the total widening cost (0 = exact; the cheapest overload wins).
 */
record SignatureMatch(List<SqlType> parameterTypes, SqlType returnType, int cost) {

  /** Matches a signature against call arguments, or empty when it does not fit. */
  static Optional<SignatureMatch> of(Signature signature, List<ArgumentType> arguments) {
    if (!signature.acceptsCount(arguments.size())) {
      return Optional.empty();
    }
    TypeBindings bindings = new TypeBindings();
    for (int i = 0; i < arguments.size(); i++) {
      if (!bindValue(signature.parameter(i), arguments.get(i), bindings)) {
        return Optional.empty();
      }
    }
    for (int i = 0; i < arguments.size(); i++) {
      if (arguments.get(i) instanceof ArgumentType.Lambda lambda
          && !bindLambda((TypePattern.Lambda) signature.parameter(i), lambda, bindings)) {
        return Optional.empty();
      }
    }
    List<SqlType> parameterTypes = new ArrayList<>();
    int cost = 0;
    for (int i = 0; i < arguments.size(); i++) {
      SqlType parameterType = parameterType(signature.parameter(i), arguments.get(i), bindings);
      parameterTypes.add(parameterType);
      if (arguments.get(i) instanceof ArgumentType.Value value && value.type() != null) {
        int step = ImplicitCasts.argumentCost(value.type(), parameterType);
        if (step < 0) {
          return Optional.empty();
        }
        cost += step;
      }
    }
    SqlType returnType = signature.returns().returnType(parameterTypes, bindings);
    return Optional.of(new SignatureMatch(parameterTypes, returnType, cost));
  }

  /** The type an argument converts to: ANY keeps the argument's own type. */
  private static SqlType parameterType(
      TypePattern pattern, ArgumentType argument, TypeBindings bindings) {
    if (pattern instanceof TypePattern.Any
        && argument instanceof ArgumentType.Value value
        && value.type() != null) {
      return value.type();
    }
    return bindings.apply(pattern);
  }

  private static boolean bindValue(
      TypePattern pattern, ArgumentType argument, TypeBindings bindings) {
    if (argument instanceof ArgumentType.Lambda lambda) {
      return pattern instanceof TypePattern.Lambda p && p.parameters().size() == lambda.arity();
    }
    return !(pattern instanceof TypePattern.Lambda)
        && bindings.bind(pattern, ((ArgumentType.Value) argument).type());
  }

  private static boolean bindLambda(
      TypePattern.Lambda pattern, ArgumentType.Lambda lambda, TypeBindings bindings) {
    SqlType bodyType = lambda.bodyType().apply(bindings.parameterTypes(pattern));
    return bindings.bind(pattern.result(), bodyType);
  }
}
