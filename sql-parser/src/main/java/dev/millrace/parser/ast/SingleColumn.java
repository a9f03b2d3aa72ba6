package dev.millrace.parser.ast;

import java.util.Objects;
import java.util.Optional;

/** {@code expression [[AS] alias]}. */
public record SingleColumn(Expression expression, Optional<String> alias, NodeLocation location)
    implements SelectItem {

  public SingleColumn {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(alias, "alias");
  }
}
