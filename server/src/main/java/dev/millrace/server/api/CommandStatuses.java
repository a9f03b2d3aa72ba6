package dev.millrace.server.api;

import java.util.Map;

/** The body of {@code GET /status}: the status of every command, keyed by command id. */
public record CommandStatuses(Map<String, CommandStatus.Status> commandStatuses) {

  public CommandStatuses {
    commandStatuses = Lists.copyOrEmpty(commandStatuses);
  }
}
