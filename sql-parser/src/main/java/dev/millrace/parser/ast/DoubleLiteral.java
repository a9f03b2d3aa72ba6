package dev.millrace.parser.ast;

/** A number written with an exponent, such as {@code 1e3}, typed DOUBLE. */
public record DoubleLiteral(double doubleValue, NodeLocation location) implements Literal {

  @Override
  public Object value() {
    return doubleValue;
  }
}
