package dev.millrace.planner.analysis;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.OptionalLong;

/**
 * Reads timestamps written as text, such as {@code '2020-02-10T08:31:44.001+0000'}: ksqlDB lets a
 * string be compared with ROWTIME, WINDOWSTART and WINDOWEND, reading it as milliseconds since the
 * epoch. A year, optionally month and day, then optional time (minutes, seconds, milliseconds),
 * then an optional zone offset; UTC when none is given.
 */
public final class TimestampText {
  private static final DateTimeFormatter FORMAT =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy")
          .optionalStart()
          .appendPattern("-MM")
          .optionalStart()
          .appendPattern("-dd")
          .optionalEnd()
          .optionalEnd()
          .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
          .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
          .optionalStart()
          .appendLiteral('T')
          .appendPattern("HH:mm")
          .optionalStart()
          .appendPattern(":ss")
          .optionalStart()
          .appendFraction(ChronoField.MILLI_OF_SECOND, 1, 3, true)
          .optionalEnd()
          .optionalEnd()
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHmm", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .toFormatter();

  private TimestampText() {}

  public static OptionalLong millis(String text) {
    try {
      TemporalAccessor parsed = FORMAT.parse(text.trim());
      ZoneOffset offset =
          parsed.isSupported(ChronoField.OFFSET_SECONDS)
              ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
              : ZoneOffset.UTC;
      LocalDateTime local =
          parsed.isSupported(ChronoField.HOUR_OF_DAY)
              ? LocalDateTime.from(parsed)
              : LocalDate.from(parsed).atStartOfDay();
      return OptionalLong.of(local.toInstant(offset).toEpochMilli());
    } catch (DateTimeParseException e) {
      return OptionalLong.empty();
    }
  }
}
