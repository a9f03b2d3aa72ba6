package dev.millrace.server.api;

/** A condition worth telling the user about that did not stop the statement. */
public record Warning(String message) {}
