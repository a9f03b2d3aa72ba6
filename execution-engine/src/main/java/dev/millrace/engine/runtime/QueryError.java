package dev.millrace.engine.runtime;

import java.time.Instant;

/** Why a query stopped: a message fit for the user (no record data) and when it happened. */
public record QueryError(String message, Instant time) {}
