package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the type variables of one signature stand for at one call site. Binding a variable twice
 * widens it to the common type of both (so GREATEST(1, 2.5) binds T to DOUBLE).
 */
public final class TypeBindings {
  private final Map<String, SqlType> bound = new HashMap<>();

  /** The type bound to {@code name}, if any. */
  public Optional<SqlType> get(String name) {
    return Optional.ofNullable(bound.get(name));
  }

  /**
   * Matches {@code pattern} against an argument type, binding variables as it goes; false when they
   * cannot match. A null type (untyped NULL) matches anything.
   */
  boolean bind(TypePattern pattern, SqlType type) {
    if (type == null || pattern instanceof TypePattern.Any) {
      return true;
    }
    if (pattern instanceof TypePattern.Exact exact) {
      return ImplicitCasts.argumentCost(type, exact.type()) >= 0;
    }
    if (pattern instanceof TypePattern.Var var) {
      return bindVar(var, type);
    }
    if (pattern instanceof TypePattern.ArrayOf array) {
      return type instanceof SqlType.Array a && bind(array.element(), a.element());
    }
    if (pattern instanceof TypePattern.MapOf map) {
      return type instanceof SqlType.Map m
          && bind(map.key(), m.key())
          && bind(map.value(), m.value());
    }
    return false;
  }

  private boolean bindVar(TypePattern.Var var, SqlType type) {
    SqlType candidate =
        switch (var.kind()) {
          case ANY -> type;
          case NUMERIC -> ImplicitCasts.isNumber(type) ? type : null;
          case DECIMAL ->
              ImplicitCasts.isNumber(type) && type.base() != SqlType.Base.DOUBLE
                  ? ImplicitCasts.asDecimal(type)
                  : null;
        };
    if (candidate == null) {
      return false;
    }
    SqlType previous = bound.get(var.name());
    if (previous == null) {
      bound.put(var.name(), candidate);
      return true;
    }
    Optional<SqlType> common = ImplicitCasts.commonType(previous, candidate);
    common.ifPresent(c -> bound.put(var.name(), c));
    return common.isPresent();
  }

  /**
   * The pattern with its variables replaced by their bound types; unbound variables (and ANY, which
   * binds nothing) become STRING.
   */
  public SqlType apply(TypePattern pattern) {
    if (pattern instanceof TypePattern.Exact exact) {
      return exact.type();
    }
    if (pattern instanceof TypePattern.Any) {
      return SqlType.STRING;
    }
    if (pattern instanceof TypePattern.Var var) {
      return bound.getOrDefault(var.name(), SqlType.STRING);
    }
    if (pattern instanceof TypePattern.ArrayOf array) {
      return new SqlType.Array(apply(array.element()));
    }
    if (pattern instanceof TypePattern.MapOf map) {
      return new SqlType.Map(apply(map.key()), apply(map.value()));
    }
    return apply(((TypePattern.Lambda) pattern).result());
  }

  /** The lambda's parameter types under the current bindings. */
  List<SqlType> parameterTypes(TypePattern.Lambda lambda) {
    return lambda.parameters().stream().map(this::apply).toList();
  }
}
