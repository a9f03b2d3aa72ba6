package dev.millrace.engine.expr;

/**
 * One compiled node: evaluates against a row's value array and the values of the lambda variables
 * in scope ({@code vars}, indexed by slots the compiler assigned).
 */
@FunctionalInterface
interface Eval {
  Object eval(Object[] row, Object[] vars);
}
