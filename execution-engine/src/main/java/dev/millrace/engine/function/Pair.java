package dev.millrace.engine.function;

/**
 * The values of two column arguments of a user aggregate, as one input: a {@link Udaf} over {@code
 * Pair<A, B>} is called with two columns.
 */
public record Pair<A, B>(A first, B second) {}
