package dev.millrace.server.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The answer to {@code SHOW TYPES}: every custom type by name. */
public record TypeList(String statementText, Map<String, SchemaInfo> types, List<Warning> warnings)
    implements KsqlEntity {
  public TypeList {
    Objects.requireNonNull(statementText, "statementText");
    types = Lists.copyOrEmpty(types);
    warnings = Lists.copyOrEmpty(warnings);
  }
}
