package dev.millrace.server.service;

import java.util.Map;
import java.util.Objects;

/**
 * One accepted statement as stored in the command log.
 *
 * @param offset where it sits in the command topic
 * @param sequence the writer's count of commands before it; normally equal to the offset
 * @param statement the statement text, as accepted
 * @param properties the session properties it was run with (e.g. {@code auto.offset.reset})
 */
public record LoggedCommand(
    long offset, long sequence, String statement, Map<String, String> properties) {

  public LoggedCommand {
    Objects.requireNonNull(statement, "statement");
    properties = Map.copyOf(properties);
  }
}
