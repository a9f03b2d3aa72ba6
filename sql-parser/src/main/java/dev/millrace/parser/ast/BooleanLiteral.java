package dev.millrace.parser.ast;

/** {@code TRUE} or {@code FALSE}. */
public record BooleanLiteral(boolean booleanValue, NodeLocation location) implements Literal {

  @Override
  public Object value() {
    return booleanValue;
  }
}
