package dev.millrace.server.api;

import java.util.List;
import java.util.Objects;

/** The answer to {@code EXPLAIN}. */
public record QueryDescriptionEntity(
    String statementText, QueryDescription queryDescription, List<Warning> warnings)
    implements KsqlEntity {

  public QueryDescriptionEntity {
    Objects.requireNonNull(statementText, "statementText");
    Objects.requireNonNull(queryDescription, "queryDescription");
    warnings = Lists.copyOrEmpty(warnings);
  }
}
