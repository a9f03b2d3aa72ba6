package dev.millrace.engine.operator;

import dev.millrace.engine.types.SqlType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;

/**
 * Takes a record's event time from one column of its (extended) value: BIGINT or TIMESTAMP
 * milliseconds, or a STRING parsed with a {@link DateTimeFormatter} pattern (fields the pattern
 * lacks default to the start of the day/year; no zone in the pattern means UTC).
 */
final class TimestampExtractor {
  private final int index;
  private final String column;
  private final DateTimeFormatter format;

  TimestampExtractor(int index, String column, SqlType type, String pattern) {
    this.index = index;
    this.column = column;
    if (type.base() == SqlType.Base.STRING) {
      if (pattern == null) {
        throw new IllegalArgumentException(
            "timestamp column " + column + " is a STRING: it needs a timestamp format");
      }
      this.format = formatter(pattern);
    } else if (type.base() == SqlType.Base.BIGINT || type.base() == SqlType.Base.TIMESTAMP) {
      this.format = null;
    } else {
      throw new IllegalArgumentException(
          "timestamp column "
              + column
              + " must be BIGINT, TIMESTAMP or STRING, not "
              + type.toSql());
    }
  }

  /** The event time in milliseconds; throws {@link IllegalArgumentException} when there is none. */
  long extract(Object[] value) {
    Object raw = value[index];
    if (raw == null) {
      throw new IllegalArgumentException("timestamp column " + column + " is null");
    }
    long millis = format == null ? (Long) raw : parse((String) raw);
    if (millis < 0) {
      throw new IllegalArgumentException("timestamp column " + column + " is negative: " + millis);
    }
    return millis;
  }

  private long parse(String text) {
    try {
      TemporalAccessor parsed = format.parse(text);
      ZoneId zone = parsed.query(TemporalQueries.zone());
      LocalDate date = LocalDate.from(parsed);
      LocalDateTime time =
          date.atTime(
              parsed.get(ChronoField.HOUR_OF_DAY), parsed.get(ChronoField.MINUTE_OF_HOUR),
              parsed.get(ChronoField.SECOND_OF_MINUTE), parsed.get(ChronoField.NANO_OF_SECOND));
      return time.atZone(zone == null ? ZoneOffset.UTC : zone).toInstant().toEpochMilli();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "timestamp column " + column + " does not match the timestamp format", e);
    }
  }

  private static DateTimeFormatter formatter(String pattern) {
    return new DateTimeFormatterBuilder()
        .appendPattern(pattern)
        .parseDefaulting(ChronoField.YEAR_OF_ERA, 1970)
        .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
        .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
        .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
        .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
        .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
        .parseDefaulting(ChronoField.NANO_OF_SECOND, 0)
        .toFormatter(Locale.ROOT);
  }
}
