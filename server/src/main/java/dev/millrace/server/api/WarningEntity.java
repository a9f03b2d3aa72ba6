package dev.millrace.server.api;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a statement that did nothing worth reporting except a message, for example {@code
 * DROP STREAM IF EXISTS} on a missing stream.
 */
public record WarningEntity(String statementText, String message, List<Warning> warnings)
    implements KsqlEntity {

  public WarningEntity {
    Objects.requireNonNull(statementText, "statementText");
    Objects.requireNonNull(message, "message");
    warnings = Lists.copyOrEmpty(warnings);
  }
}
