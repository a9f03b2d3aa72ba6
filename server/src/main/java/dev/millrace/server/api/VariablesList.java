package dev.millrace.server.api;

import java.util.List;
import java.util.Objects;

/** The answer to {@code SHOW VARIABLES}: the session's substitution variables. */
public record VariablesList(String statementText, List<Variable> variables, List<Warning> warnings)
    implements KsqlEntity {

  /** One variable defined with {@code DEFINE name = 'value'}. */
  public record Variable(String name, String value) {}

  public VariablesList {
    Objects.requireNonNull(statementText, "statementText");
    variables = Lists.copyOrEmpty(variables);
    warnings = Lists.copyOrEmpty(warnings);
  }
}
