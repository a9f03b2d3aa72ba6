package dev.millrace.engine.function;

/** The values of five column arguments of a user aggregate (see {@link Pair}). */
public record Quintuple<A, B, C, D, E>(A first, B second, C third, D fourth, E fifth) {}
