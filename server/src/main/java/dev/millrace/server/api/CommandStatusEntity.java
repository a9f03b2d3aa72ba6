package dev.millrace.server.api;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a statement that changes the catalog or the running queries (CREATE, DROP,
 * TERMINATE, INSERT ... SELECT): the command's id, its status and its place in the command log.
 *
 * @param commandId for example {@code stream/PAGEVIEWS/create}; poll it with {@code /status}
 * @param commandSequenceNumber position in the command log, or -1 when the command was not logged
 */
public record CommandStatusEntity(
    String statementText,
    String commandId,
    CommandStatus commandStatus,
    long commandSequenceNumber,
    List<Warning> warnings)
    implements KsqlEntity {

  public CommandStatusEntity {
    Objects.requireNonNull(statementText, "statementText");
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(commandStatus, "commandStatus");
    warnings = Lists.copyOrEmpty(warnings);
  }
}
