package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The declared type of a function parameter or result: an exact type, a type variable (generic,
 * optionally limited to a kind), any type, or an ARRAY, MAP or lambda built from other patterns.
 */
public sealed interface TypePattern {

  /** What a type variable may stand for. */
  enum Kind {
    ANY,
    NUMERIC,
    DECIMAL
  }

  String toSql();

  static TypePattern of(SqlType type) {
    return new Exact(type);
  }

  static TypePattern var(String name) {
    return new Var(name, Kind.ANY);
  }

  static TypePattern arrayOf(TypePattern element) {
    return new ArrayOf(element);
  }

  static TypePattern mapOf(TypePattern key, TypePattern value) {
    return new MapOf(key, value);
  }

  /** Exactly this type (arguments of narrower numeric types are widened to it). */
  record Exact(SqlType type) implements TypePattern {
    @Override
    public String toSql() {
      return type.toSql();
    }
  }

  /** A type variable: every use in one signature stands for the same type. */
  record Var(String name, Kind kind) implements TypePattern {
    @Override
    public String toSql() {
      return kind == Kind.DECIMAL ? "DECIMAL" : name;
    }
  }

  /**
   * Any type, each argument its own even when the parameter repeats (a user aggregate's {@code
   * VariadicArgs<Object>}); the argument is passed as it is.
   */
  record Any() implements TypePattern {
    @Override
    public String toSql() {
      return "ANY";
    }
  }

  /** ARRAY of the element pattern. */
  record ArrayOf(TypePattern element) implements TypePattern {
    @Override
    public String toSql() {
      return "ARRAY<" + element.toSql() + ">";
    }
  }

  /** MAP of the key and value patterns. */
  record MapOf(TypePattern key, TypePattern value) implements TypePattern {
    @Override
    public String toSql() {
      return "MAP<" + key.toSql() + ", " + value.toSql() + ">";
    }
  }

  /** A lambda argument taking parameters of the given patterns and returning the result pattern. */
  record Lambda(List<TypePattern> parameters, TypePattern result) implements TypePattern {
    public Lambda {
      parameters = List.copyOf(parameters);
    }

    @Override
    public String toSql() {
      String params = parameters.stream().map(TypePattern::toSql).collect(Collectors.joining(", "));
      return "LAMBDA(" + params + ") => " + result.toSql();
    }
  }
}
