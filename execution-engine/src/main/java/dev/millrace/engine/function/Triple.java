package dev.millrace.engine.function;

/** The values of three column arguments of a user aggregate (see {@link Pair}). */
public record Triple<A, B, C>(A first, B second, C third) {}
