package dev.millrace.server.service;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One accepted statement as stored in the command log.
 *
 * @param offset where it sits in the command topic
 * @param sequence the writer's count of commands before it; normally equal to the offset
 * @param statement the statement text, as accepted
 * @param properties the session properties it was run with (e.g. {@code auto.offset.reset})
 * @param query for a persistent query, what it was planned as (absent for other statements, and for
 *     queries logged by versions that did not store it, which are planned again)
 * @param source for a CREATE STREAM / CREATE TABLE, the source it was planned as (absent for other
 *     statements, and for those logged by versions that did not store it, which are planned again)
 */
public record LoggedCommand(
    long offset,
    long sequence,
    String statement,
    Map<String, String> properties,
    Optional<StoredQuery> query,
    Optional<StoredSource> source) {

  public LoggedCommand {
    Objects.requireNonNull(statement, "statement");
    properties = Map.copyOf(properties);
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(source, "source");
    if (query.isPresent() && source.isPresent()) {
      throw new IllegalArgumentException("a command stores a query or a source, not both");
    }
  }

  /** A command that is not a stored persistent query nor a stored source. */
  public LoggedCommand(
      long offset, long sequence, String statement, Map<String, String> properties) {
    this(offset, sequence, statement, properties, Optional.empty(), Optional.empty());
  }

  /** A command that is not a stored source. */
  public LoggedCommand(
      long offset,
      long sequence,
      String statement,
      Map<String, String> properties,
      Optional<StoredQuery> query) {
    this(offset, sequence, statement, properties, query, Optional.empty());
  }
}
