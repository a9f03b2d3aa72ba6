package dev.millrace.engine.plan;

/**
 * The built-in operators of {@link Expr.Operation}. Operand lists: binary operators take two;
 * NEGATE, NOT, IS_NULL and IS_NOT_NULL one; LIKE takes value, pattern and an optional escape
 * character; IN takes the value followed by the candidates; BETWEEN takes value, low, high;
 * SUBSCRIPT takes an array (1-based index, negative counts from the end) or a map and a key.
 * Arithmetic operands have already been cast by the planner to the operation's type.
 */
public enum Operator {
  ADD,
  SUBTRACT,
  MULTIPLY,
  DIVIDE,
  MODULUS,
  NEGATE,
  EQUAL,
  NOT_EQUAL,
  LESS_THAN,
  LESS_THAN_OR_EQUAL,
  GREATER_THAN,
  GREATER_THAN_OR_EQUAL,
  IS_DISTINCT_FROM,
  IS_NOT_DISTINCT_FROM,
  AND,
  OR,
  NOT,
  IS_NULL,
  IS_NOT_NULL,
  LIKE,
  IN,
  BETWEEN,
  CONCAT,
  SUBSCRIPT
}
