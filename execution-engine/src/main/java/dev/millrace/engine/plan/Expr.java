package dev.millrace.engine.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.millrace.engine.types.SqlType;
import java.util.List;
import java.util.Objects;

/**
 * The engine's typed expression IR: what the planner produces and the engine compiles. Every node
 * knows its result type; column references are resolved to positions in the input row's value
 * array. Stored inside plan steps, so it is plain data with stable JSON names.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "expr")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Expr.Literal.class, name = "literal"),
  @JsonSubTypes.Type(value = Expr.ColumnRef.class, name = "column"),
  @JsonSubTypes.Type(value = Expr.Operation.class, name = "operation"),
  @JsonSubTypes.Type(value = Expr.FunctionCall.class, name = "function"),
  @JsonSubTypes.Type(value = Expr.Cast.class, name = "cast"),
  @JsonSubTypes.Type(value = Expr.Case.class, name = "case"),
  @JsonSubTypes.Type(value = Expr.FieldAccess.class, name = "field"),
  @JsonSubTypes.Type(value = Expr.ArrayOf.class, name = "array"),
  @JsonSubTypes.Type(value = Expr.MapOf.class, name = "map"),
  @JsonSubTypes.Type(value = Expr.StructOf.class, name = "struct"),
  @JsonSubTypes.Type(value = Expr.Lambda.class, name = "lambda"),
  @JsonSubTypes.Type(value = Expr.LambdaVariable.class, name = "lambdaVariable")
})
public sealed interface Expr {

  SqlType type();

  /**
   * A constant of a primitive or DECIMAL type, carried as the type's run-time class (see {@link
   * SqlType}); the constructor converts JSON-decoded numbers back to that class. Null is typed.
   */
  record Literal(Object value, SqlType type) implements Expr {
    public Literal {
      value = LiteralValues.coerce(value, type);
    }
  }

  /** The value at {@code index} of the input row's value array; the name is for people. */
  record ColumnRef(int index, String name, SqlType type) implements Expr {}

  /** A built-in operator applied to its operands. */
  record Operation(Operator operator, List<Expr> operands, SqlType type) implements Expr {
    public Operation {
      operands = List.copyOf(operands);
    }
  }

  /**
   * A call of a scalar function from the engine's function library, by its upper-case name; the
   * overload is chosen by the argument types.
   */
  record FunctionCall(String name, List<Expr> arguments, SqlType type) implements Expr {
    public FunctionCall {
      arguments = List.copyOf(arguments);
    }
  }

  /** CAST(operand AS type). */
  record Cast(Expr operand, SqlType type) implements Expr {}

  /** A searched CASE; {@code otherwise} may be null, meaning ELSE NULL. */
  record Case(List<When> whens, Expr otherwise, SqlType type) implements Expr {
    public Case {
      whens = List.copyOf(whens);
    }
  }

  /** One WHEN condition THEN result arm of a {@link Case}. */
  record When(Expr condition, Expr result) {}

  /** {@code struct->field}. */
  record FieldAccess(Expr struct, String field, SqlType type) implements Expr {}

  /** ARRAY[e1, e2, ...]. */
  record ArrayOf(List<Expr> elements, SqlType type) implements Expr {
    public ArrayOf {
      elements = List.copyOf(elements);
    }
  }

  /** MAP(k1 := v1, ...). */
  record MapOf(List<Expr> keys, List<Expr> values, SqlType type) implements Expr {
    public MapOf {
      keys = List.copyOf(keys);
      values = List.copyOf(values);
      if (keys.size() != values.size()) {
        throw new IllegalArgumentException("a map needs as many values as keys");
      }
    }
  }

  /** STRUCT(name := value, ...); the type's fields give the names. */
  record StructOf(List<Expr> values, SqlType.Struct type) implements Expr {
    public StructOf {
      values = List.copyOf(values);
    }
  }

  /**
   * A lambda passed to a higher-order function, e.g. {@code (x, y) => x + y}; its type is the
   * body's.
   */
  record Lambda(List<LambdaParameter> parameters, Expr body) implements Expr {
    public Lambda {
      parameters = List.copyOf(parameters);
      Objects.requireNonNull(body);
    }

    @Override
    public SqlType type() {
      return body.type();
    }
  }

  /** A declared lambda parameter. */
  record LambdaParameter(String name, SqlType type) {}

  /** A use of a lambda parameter inside the lambda's body. */
  record LambdaVariable(String name, SqlType type) implements Expr {}
}
