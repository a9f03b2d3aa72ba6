package dev.millrace.engine.function;

/**
 * One overload of a scalar function. When {@code nullOnNullInput}, a null value argument makes the
 * result null without calling the implementation (most functions); otherwise the implementation
 * sees the nulls (COALESCE, IFNULL, CONCAT...).
 */
public record ScalarOverload(
    Signature signature, boolean nullOnNullInput, ImplementationFactory implementation) {}
