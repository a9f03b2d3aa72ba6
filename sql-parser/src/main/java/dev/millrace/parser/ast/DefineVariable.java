package dev.millrace.parser.ast;

import java.util.Objects;

/**
 * {@code DEFINE name = 'value'}: a session variable, substituted as {@code ${name}} in later
 * statements. Variable names keep their case, as ksqlDB matches them case-insensitively.
 */
public record DefineVariable(String name, String value, NodeLocation location)
    implements Statement {

  public DefineVariable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
