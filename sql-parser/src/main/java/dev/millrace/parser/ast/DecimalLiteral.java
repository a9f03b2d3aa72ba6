package dev.millrace.parser.ast;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number with a decimal point and no exponent, such as {@code 1.50}; ksqlDB types it DECIMAL with
 * the precision and scale as written, so the scale is kept.
 */
public record DecimalLiteral(BigDecimal decimalValue, NodeLocation location) implements Literal {

  public DecimalLiteral {
    Objects.requireNonNull(decimalValue, "decimalValue");
  }

  @Override
  public Object value() {
    return decimalValue;
  }
}
