package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The parameters and result of one function overload. When {@code variadic}, the last parameter may
 * be given any number of times (also zero). The result is a pattern over the parameters' type
 * variables, or computed by a {@link ReturnTyper} for results that depend on the argument types in
 * other ways (e.g. DECIMAL precision).
 */
public record Signature(
    List<TypePattern> parameters, boolean variadic, ReturnTyper returns, String returnText) {

  public Signature {
    parameters = List.copyOf(parameters);
    if (variadic && parameters.isEmpty()) {
      throw new IllegalArgumentException("a variadic signature needs a parameter to repeat");
    }
  }

  /** Computes a result type from the resolved parameter types and type-variable bindings. */
  @FunctionalInterface
  public interface ReturnTyper {
    SqlType returnType(List<SqlType> parameterTypes, TypeBindings bindings);
  }

  public static Signature of(TypePattern result, TypePattern... parameters) {
    return new Signature(
        List.of(parameters), false, (params, bindings) -> bindings.apply(result), result.toSql());
  }

  public static Signature of(SqlType result, SqlType... parameters) {
    List<TypePattern> params = new ArrayList<>();
    for (SqlType p : parameters) {
      params.add(TypePattern.of(p));
    }
    return new Signature(params, false, (p, b) -> result, result.toSql());
  }

  public static Signature variadic(TypePattern result, TypePattern... parameters) {
    return new Signature(
        List.of(parameters), true, (params, bindings) -> bindings.apply(result), result.toSql());
  }

  /** The same parameters with a computed result type. */
  public Signature returning(String text, ReturnTyper typer) {
    return new Signature(parameters, variadic, typer, text);
  }

  /**
   * The signature as shown to people, e.g. {@code (STRING, INTEGER) => STRING} or {@code (T...) =>
   * T}.
   */
  public String toSql() {
    List<String> params = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      String text = parameters.get(i).toSql();
      params.add(variadic && i == parameters.size() - 1 ? text + "..." : text);
    }
    return params.stream().collect(Collectors.joining(", ", "(", ")")) + " => " + returnText;
  }

  /** Whether {@code count} arguments can match the parameter list. */
  boolean acceptsCount(int count) {
    return variadic ? count >= parameters.size() - 1 : count == parameters.size();
  }

  /** The pattern for argument {@code index}, repeating the variadic parameter. */
  TypePattern parameter(int index) {
    return index < parameters.size() - 1 || !variadic
        ? parameters.get(index)
        : parameters.get(parameters.size() - 1);
  }
}
