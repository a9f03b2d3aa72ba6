package dev.millrace.server.api;

/** The body of {@code POST /close-query}: the id of the push query to stop. */
public record CloseQueryArgs(String queryId) {}
