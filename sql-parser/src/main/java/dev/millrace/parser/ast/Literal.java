package dev.millrace.parser.ast;

/** A constant written in the SQL text. */
public sealed interface Literal extends Expression
    permits NullLiteral,
        BooleanLiteral,
        IntegerLiteral,
        LongLiteral,
        DecimalLiteral,
        DoubleLiteral,
        StringLiteral {

  /** The Java value: null, Boolean, Integer, Long, BigDecimal, Double or String. */
  Object value();
}
