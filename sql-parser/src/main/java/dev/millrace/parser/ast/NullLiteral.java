package dev.millrace.parser.ast;

/** {@code NULL}. */
public record NullLiteral(NodeLocation location) implements Literal {

  @Override
  public Object value() {
    return null;
  }
}
