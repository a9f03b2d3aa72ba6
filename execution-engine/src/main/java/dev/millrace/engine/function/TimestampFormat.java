package dev.millrace.engine.function;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A java.time pattern (as ksqlDB's timestamp functions and TIMESTAMP_FORMAT take it) compiled once:
 * parsing is case-insensitive and fills missing fields with 1970-01-01T00:00:00.000 in the given
 * zone (UTC by default); formatting is in the given zone. Public so the runtime can parse a
 * source's string timestamp column the same way.
 */
public final class TimestampFormat {
  private static final Map<String, TimestampFormat> CACHE = new ConcurrentHashMap<>();

  private final DateTimeFormatter formatter;

  private TimestampFormat(String pattern) {
    this.formatter =
        new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern(pattern)
            .toFormatter(Locale.ENGLISH);
  }

  /** The (cached) format for a pattern; throws IllegalArgumentException for an invalid pattern. */
  public static TimestampFormat of(String pattern) {
    return CACHE.computeIfAbsent(pattern, TimestampFormat::new);
  }

  /** Parses text into epoch milliseconds; a zone or offset in the text wins over {@code zone}. */
  public long parseMillis(String text, ZoneId zone) {
    TemporalAccessor parsed = formatter.parse(text.trim());
    LocalDateTime local = LocalDateTime.of(date(parsed), time(parsed));
    ZoneId actual =
        parsed.isSupported(ChronoField.OFFSET_SECONDS)
            ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
            : parsed.query(java.time.temporal.TemporalQueries.zoneId()) != null
                ? parsed.query(java.time.temporal.TemporalQueries.zoneId())
                : zone;
    return local.atZone(actual).toInstant().toEpochMilli();
  }

  /** Parses text into days since the epoch (a date; time fields are ignored). */
  public int parseDays(String text) {
    return (int) date(formatter.parse(text.trim())).toEpochDay();
  }

  /** Parses text into milliseconds of the day. */
  public long parseTimeOfDay(String text) {
    return time(formatter.parse(text.trim())).toNanoOfDay() / 1_000_000L;
  }

  public String formatMillis(long epochMillis, ZoneId zone) {
    return formatter.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
  }

  public String formatDays(int days) {
    return formatter.format(LocalDate.ofEpochDay(days).atStartOfDay(ZoneOffset.UTC));
  }

  public String formatTimeOfDay(long millis) {
    return formatter.format(
        LocalTime.ofNanoOfDay(millis * 1_000_000L).atDate(LocalDate.EPOCH).atZone(ZoneOffset.UTC));
  }

  private static LocalDate date(TemporalAccessor t) {
    int year = t.isSupported(ChronoField.YEAR) ? t.get(ChronoField.YEAR) : 1970;
    int month = t.isSupported(ChronoField.MONTH_OF_YEAR) ? t.get(ChronoField.MONTH_OF_YEAR) : 1;
    if (t.isSupported(ChronoField.DAY_OF_YEAR) && !t.isSupported(ChronoField.DAY_OF_MONTH)) {
      return LocalDate.ofYearDay(year, t.get(ChronoField.DAY_OF_YEAR));
    }
    int day = t.isSupported(ChronoField.DAY_OF_MONTH) ? t.get(ChronoField.DAY_OF_MONTH) : 1;
    return LocalDate.of(year, month, day);
  }

  private static LocalTime time(TemporalAccessor t) {
    int hour =
        t.isSupported(ChronoField.HOUR_OF_DAY)
            ? t.get(ChronoField.HOUR_OF_DAY)
            : t.isSupported(ChronoField.HOUR_OF_AMPM)
                ? t.get(ChronoField.HOUR_OF_AMPM)
                    + (t.isSupported(ChronoField.AMPM_OF_DAY)
                        ? 12 * t.get(ChronoField.AMPM_OF_DAY)
                        : 0)
                : 0;
    int minute = t.isSupported(ChronoField.MINUTE_OF_HOUR) ? t.get(ChronoField.MINUTE_OF_HOUR) : 0;
    int second =
        t.isSupported(ChronoField.SECOND_OF_MINUTE) ? t.get(ChronoField.SECOND_OF_MINUTE) : 0;
    int nano = t.isSupported(ChronoField.NANO_OF_SECOND) ? t.get(ChronoField.NANO_OF_SECOND) : 0;
    return LocalTime.of(hour, minute, second, nano);
  }
}
