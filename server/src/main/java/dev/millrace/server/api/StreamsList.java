package dev.millrace.server.api;

import java.util.List;
import java.util.Objects;

/** The answer to {@code SHOW STREAMS} / {@code LIST STREAMS}. */
public record StreamsList(String statementText, List<SourceInfo> streams, List<Warning> warnings)
    implements KsqlEntity {

  public StreamsList {
    Objects.requireNonNull(statementText, "statementText");
    streams = Lists.copyOrEmpty(streams);
    warnings = Lists.copyOrEmpty(warnings);
  }
}
