/**
 * Compilation of the plan's typed expression IR into closures ({@link
 * dev.millrace.engine.expr.ExpressionCompiler}), and the value semantics it shares with the serdes
 * and functions: CAST ({@link dev.millrace.engine.expr.Casts}), ordering and equality ({@link
 * dev.millrace.engine.expr.Comparisons}) and text forms ({@link
 * dev.millrace.engine.expr.ValueText}).
 */
package dev.millrace.engine.expr;
