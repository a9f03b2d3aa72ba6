package dev.millrace.parser.ast;

/** A whole number that fits in 32 bits, typed INT as in ksqlDB. */
public record IntegerLiteral(int intValue, NodeLocation location) implements Literal {

  @Override
  public Object value() {
    return intValue;
  }
}
