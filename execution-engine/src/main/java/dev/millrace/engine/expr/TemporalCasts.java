package dev.millrace.engine.expr;

import dev.millrace.engine.types.SqlType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * Casts to DATE, TIME and TIMESTAMP: from their ISO text forms (a TIMESTAMP may carry an offset;
 * without one it is UTC) and between each other (a TIMESTAMP's date and time of day in UTC).
 */
final class TemporalCasts {
  private static final long DAY_MS = 86_400_000L;
  private static final DateTimeFormatter TIMESTAMP =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalEnd()
          .optionalStart()
          .appendOffsetId()
          .optionalEnd()
          .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
          .toFormatter();

  private static final DateTimeFormatter DATE =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy[-MM[-dd]]")
          .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
          .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
          .toFormatter();

  private TemporalCasts() {}

  /**
   * A date as ISO text, where month and day may be left out ("2022", "2022-04"), as days since the
   * epoch.
   */
  static int parseDate(String text) {
    return (int) LocalDate.parse(text.trim(), DATE).toEpochDay();
  }

  static Optional<Converter> find(SqlType from, SqlType to) {
    return Optional.ofNullable(
        switch (to.base()) {
          case DATE ->
              switch (from.base()) {
                case STRING -> (Converter) v -> parse(v, to, () -> parseDate((String) v));
                case TIMESTAMP -> v -> (int) Math.floorDiv((Long) v, DAY_MS);
                default -> null;
              };
          case TIME ->
              switch (from.base()) {
                case STRING ->
                    (Converter)
                        v ->
                            parse(
                                v,
                                to,
                                () ->
                                    LocalTime.parse(((String) v).trim()).toNanoOfDay()
                                        / 1_000_000L);
                case TIMESTAMP -> v -> Math.floorMod((Long) v, DAY_MS);
                default -> null;
              };
          case TIMESTAMP ->
              switch (from.base()) {
                case STRING ->
                    (Converter) v -> parse(v, to, () -> parseTimestamp(((String) v).trim()));
                case DATE -> v -> ((Integer) v) * DAY_MS;
                default -> null;
              };
          default -> null;
        });
  }

  /** An ISO timestamp, with or without time and offset, as epoch milliseconds. */
  static long parseTimestamp(String text) {
    var parsed = TIMESTAMP.parse(text);
    LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), LocalTime.from(parsed));
    ZoneOffset offset =
        parsed.isSupported(ChronoField.OFFSET_SECONDS)
            ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
            : ZoneOffset.UTC;
    return OffsetDateTime.of(local, offset).toInstant().toEpochMilli();
  }

  private static Object parse(Object value, SqlType to, java.util.function.Supplier<Object> parse) {
    try {
      return parse.get();
    } catch (DateTimeParseException e) {
      throw new EvaluationException("Cannot cast '" + value + "' to " + to.toSql());
    }
  }
}
