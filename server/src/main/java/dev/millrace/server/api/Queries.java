package dev.millrace.server.api;

import java.util.List;
import java.util.Objects;

/** The answer to {@code SHOW QUERIES} / {@code LIST QUERIES}. */
public record Queries(String statementText, List<RunningQuery> queries, List<Warning> warnings)
    implements KsqlEntity {

  public Queries {
    Objects.requireNonNull(statementText, "statementText");
    queries = Lists.copyOrEmpty(queries);
    warnings = Lists.copyOrEmpty(warnings);
  }
}
