package dev.millrace.engine.function;

/** The values of four column arguments of a user aggregate (see {@link Pair}). */
public record Quadruple<A, B, C, D>(A first, B second, C third, D fourth) {}
