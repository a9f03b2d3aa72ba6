package dev.millrace.engine.serde;

import dev.millrace.engine.types.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Checks that a number read from a record fits its column's type exactly, so that a value that does
 * not fit is a bad record rather than a silently wrapped or rounded one. Every format reads its
 * numbers through here. Messages name the type, never the value (it is user data, and the messages
 * reach the processing log).
 */
final class NumberFit {
  /** Milliseconds in a day: a TIME is a time of day, from 0 up to (not including) this. */
  static final long DAY_MS = 86_400_000L;

  private NumberFit() {}

  /** An INTEGER (or DATE, as days) from a whole number, failing when it is out of range. */
  static int toInt(long value, SqlType type) {
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw outOfRange(type);
    }
    return (int) value;
  }

  /**
   * An INTEGER (or DATE) from any number: a fraction is dropped (toward zero, as ksqlDB reads JSON
   * numbers into whole-number columns), and the result must be in range.
   */
  static int toInt(BigDecimal value, SqlType type) {
    try {
      return value.setScale(0, RoundingMode.DOWN).intValueExact();
    } catch (ArithmeticException e) {
      throw outOfRange(type);
    }
  }

  /**
   * A BIGINT (or TIMESTAMP) from any number: a fraction is dropped, and the result must be in
   * range.
   */
  static long toLong(BigDecimal value, SqlType type) {
    try {
      return value.setScale(0, RoundingMode.DOWN).longValueExact();
    } catch (ArithmeticException e) {
      throw outOfRange(type);
    }
  }

  /** A TIME (milliseconds since midnight), failing unless it is a time of day. */
  static long toTime(long millis) {
    if (millis < 0 || millis >= DAY_MS) {
      throw new SerdeException(
          "not a valid TIME: milliseconds since midnight must be from 0 to " + (DAY_MS - 1));
    }
    return millis;
  }

  /** A DOUBLE, failing when a finite number was too large to be one. */
  static double toDouble(double value) {
    if (Double.isInfinite(value)) {
      throw outOfRange(SqlType.DOUBLE);
    }
    return value;
  }

  /**
   * A DECIMAL of the column's precision and scale, holding exactly {@code value}: fewer fractional
   * digits are padded with zeros, but more (other than trailing zeros) would need rounding and
   * fail, as ksqlDB fails them; so do more integer digits than precision minus scale allows.
   */
  static BigDecimal toDecimal(BigDecimal value, SqlType.Decimal type) {
    BigDecimal scaled;
    try {
      scaled = value.setScale(type.scale(), RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new SerdeException(
          "number has more than "
              + type.scale()
              + " digits after the decimal point for "
              + type.toSql());
    }
    if (scaled.signum() != 0 && scaled.precision() > type.precision()) {
      throw new SerdeException(
          "number has more than "
              + (type.precision() - type.scale())
              + " digits before the decimal point for "
              + type.toSql());
    }
    return scaled;
  }

  /** An INTEGER, BIGINT, DATE, TIME or TIMESTAMP from text holding a whole number. */
  static Object parseWhole(String text, SqlType type) {
    String trimmed = text.trim();
    long value;
    try {
      value = Long.parseLong(trimmed);
    } catch (NumberFormatException e) {
      throw trimmed.matches("[+-]?[0-9]+")
          ? outOfRange(type)
          : new SerdeException("not a valid " + type.toSql());
    }
    return whole(value, type);
  }

  /** A whole number as the type's value: range-checked for INTEGER, DATE and TIME. */
  static Object whole(long value, SqlType type) {
    return switch (type.base()) {
      case INTEGER, DATE -> toInt(value, type);
      case TIME -> toTime(value);
      case BIGINT, TIMESTAMP -> value;
      default -> throw new IllegalArgumentException(type.toSql() + " is not a whole-number type");
    };
  }

  /** A DOUBLE from text; "NaN" and "Infinity" are accepted as such, but overflow is not. */
  static double parseDouble(String text) {
    String trimmed = text.trim();
    double value;
    try {
      value = Double.parseDouble(trimmed);
    } catch (NumberFormatException e) {
      throw new SerdeException("not a valid " + SqlType.DOUBLE.toSql());
    }
    return trimmed.contains("Infinity") ? value : toDouble(value);
  }

  /** A DECIMAL from text. */
  static BigDecimal parseDecimal(String text, SqlType.Decimal type) {
    BigDecimal value;
    try {
      value = new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new SerdeException("not a valid " + type.toSql());
    }
    return toDecimal(value, type);
  }

  private static SerdeException outOfRange(SqlType type) {
    return new SerdeException("number out of range for " + type.toSql());
  }
}
