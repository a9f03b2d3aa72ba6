package dev.millrace.server.api;

import java.util.List;
import java.util.Objects;

/** The answer to {@code SHOW FUNCTIONS}. */
public record FunctionNameList(
    String statementText, List<SimpleFunctionInfo> functions, List<Warning> warnings)
    implements KsqlEntity {

  public FunctionNameList {
    Objects.requireNonNull(statementText, "statementText");
    functions = Lists.copyOrEmpty(functions);
    warnings = Lists.copyOrEmpty(warnings);
  }
}
