package dev.millrace.server.api;

import java.util.List;
import java.util.Objects;

/** The answer to {@code DESCRIBE [EXTENDED] source}. */
public record SourceDescriptionEntity(
    String statementText, SourceDescription sourceDescription, List<Warning> warnings)
    implements KsqlEntity {

  public SourceDescriptionEntity {
    Objects.requireNonNull(statementText, "statementText");
    Objects.requireNonNull(sourceDescription, "sourceDescription");
    warnings = Lists.copyOrEmpty(warnings);
  }
}
