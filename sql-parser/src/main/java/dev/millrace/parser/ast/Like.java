package dev.millrace.parser.ast;

import java.util.Objects;
import java.util.Optional;

/** {@code value [NOT] LIKE pattern [ESCAPE 'c']}. */
public record Like(
    Expression value,
    Expression pattern,
    Optional<String> escape,
    boolean negated,
    NodeLocation location)
    implements Expression {

  public Like {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(escape, "escape");
  }
}
