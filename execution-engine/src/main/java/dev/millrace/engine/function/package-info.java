/**
 * The function library: every scalar, aggregate and table function, defined once here and used by
 * both the planner (to type calls) and the engine (to run them).
 *
 * <p>{@link dev.millrace.engine.function.FunctionRegistry} holds the functions by name. Each
 * function has overloads with a {@link dev.millrace.engine.function.Signature} of {@link
 * dev.millrace.engine.function.TypePattern}s (exact types, type variables, ARRAY/MAP of patterns,
 * lambdas); resolution binds the variables to the call's argument types, widens numbers as {@link
 * dev.millrace.engine.function.ImplicitCasts} allows, and picks the cheapest overload. Built-ins
 * are declared as plain lambdas, one family per class ({@code StringFunctions}, {@code
 * CollectionFunctions}...); implementations that depend on the concrete types are made once per
 * call site by an {@link dev.millrace.engine.function.ImplementationFactory}.
 *
 * <p>Aggregates are {@link dev.millrace.engine.function.Aggregator}s whose accumulators are values
 * of a declared SQL type, so the aggregation operator stores them with the ordinary row codecs.
 * User functions come from annotated classes in jars ({@link
 * dev.millrace.engine.function.UserFunctions}).
 */
package dev.millrace.engine.function;
