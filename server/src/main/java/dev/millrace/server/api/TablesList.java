package dev.millrace.server.api;

import java.util.List;
import java.util.Objects;

/** The answer to {@code SHOW TABLES} / {@code LIST TABLES}. */
public record TablesList(String statementText, List<SourceInfo> tables, List<Warning> warnings)
    implements KsqlEntity {

  public TablesList {
    Objects.requireNonNull(statementText, "statementText");
    tables = Lists.copyOrEmpty(tables);
    warnings = Lists.copyOrEmpty(warnings);
  }
}
