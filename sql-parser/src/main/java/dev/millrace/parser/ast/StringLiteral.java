package dev.millrace.parser.ast;

import java.util.Objects;

/** A quoted string, unescaped ({@code 'a''b'} holds {@code a'b}). */
public record StringLiteral(String stringValue, NodeLocation location) implements Literal {

  public StringLiteral {
    Objects.requireNonNull(stringValue, "stringValue");
  }

  @Override
  public Object value() {
    return stringValue;
  }
}
