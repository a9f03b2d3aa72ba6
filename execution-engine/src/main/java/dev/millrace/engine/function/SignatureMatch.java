package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How one signature fits the arguments of a call: the parameter types the arguments convert to, the
 * result type, and whether the fit is exact. A fit is exact when every typed argument already has
 * its parameter's type (DECIMALs of any precision count as one type, as a NULL literal and a lambda
 * fit any parameter); otherwise some argument needs an implicit conversion (a wider number, text
 * read as a date or time), which {@link OverloadChoice} considers only when no overload fits
 * exactly.
 */
record SignatureMatch(List<SqlType> parameterTypes, SqlType returnType, boolean exact) {

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
    boolean exact = true;
    for (int i = 0; i < arguments.size(); i++) {
      SqlType parameterType = parameterType(signature.parameter(i), arguments.get(i), bindings);
      parameterTypes.add(parameterType);
      if (arguments.get(i) instanceof ArgumentType.Value value && value.type() != null) {
        if (ImplicitCasts.argumentCost(value.type(), parameterType) < 0) {
          return Optional.empty();
        }
        exact &= sameType(value.type(), parameterType);
      }
    }
    SqlType returnType = signature.returns().returnType(parameterTypes, bindings);
    return Optional.of(new SignatureMatch(parameterTypes, returnType, exact));
  }

  /**
   * Whether an argument of type {@code given} is passed as it is to a parameter of type {@code
   * wanted}: the same type, up to the precision and scale of DECIMALs (which any DECIMAL parameter
   * takes as they are), also inside ARRAYs, MAPs and STRUCTs.
   */
  static boolean sameType(SqlType given, SqlType wanted) {
    if (given instanceof SqlType.Array a && wanted instanceof SqlType.Array b) {
      return sameType(a.element(), b.element());
    }
    if (given instanceof SqlType.Map a && wanted instanceof SqlType.Map b) {
      return sameType(a.key(), b.key()) && sameType(a.value(), b.value());
    }
    if (given instanceof SqlType.Struct a && wanted instanceof SqlType.Struct b) {
      return a.fields().size() == b.fields().size() && sameFields(a, b);
    }
    return given.base() == wanted.base();
  }

  private static boolean sameFields(SqlType.Struct a, SqlType.Struct b) {
    for (int i = 0; i < a.fields().size(); i++) {
      SqlType.Field x = a.fields().get(i);
      SqlType.Field y = b.fields().get(i);
      if (!x.name().equals(y.name()) || !sameType(x.type(), y.type())) {
        return false;
      }
    }
    return true;
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
