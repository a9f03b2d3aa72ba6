package dev.millrace.engine.function;

import static dev.millrace.engine.function.TypePattern.of;

import dev.millrace.engine.types.SqlType;

/** Short names for the patterns the built-in signatures use. */
final class Types {
  static final TypePattern STRING = of(SqlType.STRING);
  static final TypePattern BYTES = of(SqlType.BYTES);
  static final TypePattern INT = of(SqlType.INTEGER);
  static final TypePattern BIGINT = of(SqlType.BIGINT);
  static final TypePattern DOUBLE = of(SqlType.DOUBLE);
  static final TypePattern BOOLEAN = of(SqlType.BOOLEAN);
  static final TypePattern DATE = of(SqlType.DATE);
  static final TypePattern TIME = of(SqlType.TIME);
  static final TypePattern TIMESTAMP = of(SqlType.TIMESTAMP);
  static final TypePattern T = TypePattern.var("T");
  static final TypePattern K = TypePattern.var("K");
  static final TypePattern V = TypePattern.var("V");
  static final TypePattern U = TypePattern.var("U");
  static final TypePattern S = TypePattern.var("S");
  static final TypePattern ANY_DECIMAL = new TypePattern.Var("D", TypePattern.Kind.DECIMAL);
  static final TypePattern ARRAY_T = TypePattern.arrayOf(T);
  static final TypePattern ARRAY_STRING = TypePattern.arrayOf(STRING);
  static final TypePattern MAP_KV = TypePattern.mapOf(K, V);

  private Types() {}

  static Signature sig(TypePattern result, TypePattern... parameters) {
    return Signature.of(result, parameters);
  }

  static Signature variadic(TypePattern result, TypePattern... parameters) {
    return Signature.variadic(result, parameters);
  }

  static TypePattern lambda(TypePattern result, TypePattern... parameters) {
    return new TypePattern.Lambda(java.util.List.of(parameters), result);
  }
}
