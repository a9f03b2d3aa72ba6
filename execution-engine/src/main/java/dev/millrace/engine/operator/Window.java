package dev.millrace.engine.operator;

/**
 * The bounds of a window in milliseconds: start inclusive, end exclusive (a session's end is its
 * last event).
 */
public record Window(long start, long end) {}
