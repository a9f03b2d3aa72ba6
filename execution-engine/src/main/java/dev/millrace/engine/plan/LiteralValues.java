package dev.millrace.engine.plan;

import dev.millrace.engine.types.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.Base64;

/** Brings a literal's value to its type's run-time class (JSON decoding loses the exact class). */
final class LiteralValues {
  private LiteralValues() {}

  static Object coerce(Object value, SqlType type) {
    if (value == null) {
      return null;
    }
    return switch (type.base()) {
      case BOOLEAN -> value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
      case INTEGER, DATE -> number(value).intValue();
      case BIGINT, TIME, TIMESTAMP -> number(value).longValue();
      case DOUBLE -> number(value).doubleValue();
      case DECIMAL ->
          decimal(value).setScale(((SqlType.Decimal) type).scale(), RoundingMode.HALF_UP);
      case STRING -> value.toString();
      case BYTES ->
          value instanceof ByteBuffer b
              ? b
              : ByteBuffer.wrap(Base64.getDecoder().decode(value.toString()));
      case ARRAY, MAP, STRUCT ->
          throw new IllegalArgumentException(
              type.toSql() + " has no literal form; build it with a constructor expression");
    };
  }

  private static Number number(Object value) {
    return value instanceof Number n ? n : new BigDecimal(value.toString());
  }

  private static BigDecimal decimal(Object value) {
    return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
  }
}
