package dev.millrace.parser.ast;

/** A whole number too large for INT, typed BIGINT as in ksqlDB. */
public record LongLiteral(long longValue, NodeLocation location) implements Literal {

  @Override
  public Object value() {
    return longValue;
  }
}
