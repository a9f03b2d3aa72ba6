package dev.millrace.engine.function;

import static dev.millrace.engine.function.Types.BIGINT;
import static dev.millrace.engine.function.Types.DATE;
import static dev.millrace.engine.function.Types.INT;
import static dev.millrace.engine.function.Types.STRING;
import static dev.millrace.engine.function.Types.TIME;
import static dev.millrace.engine.function.Types.TIMESTAMP;
import static dev.millrace.engine.function.Types.sig;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Date and time functions. TIMESTAMPs are epoch milliseconds, DATEs days since the epoch and TIMEs
 * milliseconds of the day; text is parsed and formatted with java.time patterns, in UTC unless a
 * time zone is given.
 */
final class DateTimeFunctions {
  private static final long DAY_MS = 86_400_000L;

  private DateTimeFunctions() {}

  static void register(FunctionRegistry.Builder b) {
    b.category("DATE / TIME");
    b.scalar("UNIX_TIMESTAMP", "The current time, or a TIMESTAMP, as epoch milliseconds.")
        .add(sig(BIGINT), a -> System.currentTimeMillis())
        .add(sig(BIGINT, TIMESTAMP), a -> a[0]);
    b.scalar("UNIX_DATE", "The current date, or a DATE, as days since 1970-01-01.")
        .add(sig(INT), a -> (int) LocalDate.now(ZoneOffset.UTC).toEpochDay())
        .add(sig(INT, DATE), a -> a[0]);
    b.scalar("FROM_UNIXTIME", "A TIMESTAMP from epoch milliseconds.")
        .add(sig(TIMESTAMP, BIGINT), a -> a[0]);
    b.scalar("FROM_DAYS", "A DATE from days since 1970-01-01.").add(sig(DATE, INT), a -> a[0]);
    b.scalar(
            "TIMESTAMPTOSTRING",
            "Formats epoch milliseconds with a pattern, optionally in a time zone.")
        .add(sig(STRING, BIGINT, STRING), a -> format(a[0], a[1], "UTC"))
        .add(sig(STRING, BIGINT, STRING, STRING), a -> format(a[0], a[1], a[2]));
    b.scalar("FORMAT_TIMESTAMP", "Formats a TIMESTAMP with a pattern, optionally in a time zone.")
        .add(sig(STRING, TIMESTAMP, STRING), a -> format(a[0], a[1], "UTC"))
        .add(sig(STRING, TIMESTAMP, STRING, STRING), a -> format(a[0], a[1], a[2]));
    b.scalar(
            "STRINGTOTIMESTAMP",
            "Parses text with a pattern into epoch milliseconds, optionally in a time zone.")
        .add(sig(BIGINT, STRING, STRING), a -> parse(a[0], a[1], "UTC"))
        .add(sig(BIGINT, STRING, STRING, STRING), a -> parse(a[0], a[1], a[2]));
    b.scalar(
            "PARSE_TIMESTAMP",
            "Parses text with a pattern into a TIMESTAMP, optionally in a time zone.")
        .add(sig(TIMESTAMP, STRING, STRING), a -> parse(a[0], a[1], "UTC"))
        .add(sig(TIMESTAMP, STRING, STRING, STRING), a -> parse(a[0], a[1], a[2]));
    b.scalar("DATETOSTRING", "Formats days since the epoch with a pattern.")
        .add(
            sig(STRING, INT, STRING),
            a -> TimestampFormat.of((String) a[1]).formatDays((Integer) a[0]));
    b.scalar("FORMAT_DATE", "Formats a DATE with a pattern.")
        .add(
            sig(STRING, DATE, STRING),
            a -> TimestampFormat.of((String) a[1]).formatDays((Integer) a[0]));
    b.scalar("STRINGTODATE", "Parses text with a pattern into days since the epoch.")
        .add(
            sig(INT, STRING, STRING),
            a -> TimestampFormat.of((String) a[1]).parseDays((String) a[0]));
    b.scalar("PARSE_DATE", "Parses text with a pattern into a DATE.")
        .add(
            sig(DATE, STRING, STRING),
            a -> TimestampFormat.of((String) a[1]).parseDays((String) a[0]));
    b.scalar("FORMAT_TIME", "Formats a TIME with a pattern.")
        .add(
            sig(STRING, TIME, STRING),
            a -> TimestampFormat.of((String) a[1]).formatTimeOfDay((Long) a[0]));
    b.scalar("PARSE_TIME", "Parses text with a pattern into a TIME.")
        .add(
            sig(TIME, STRING, STRING),
            a -> TimestampFormat.of((String) a[1]).parseTimeOfDay((String) a[0]));
    b.scalar("CONVERT_TZ", "Shifts a TIMESTAMP from one time zone's wall-clock time to another's.")
        .add(
            sig(TIMESTAMP, TIMESTAMP, STRING, STRING),
            a -> convertTz((Long) a[0], (String) a[1], (String) a[2]));
    intervals(b);
  }

  private static void intervals(FunctionRegistry.Builder b) {
    b.scalar("TIMESTAMPADD", "Adds an interval (unit, amount) to a TIMESTAMP.")
        .add(
            sig(TIMESTAMP, STRING, INT, TIMESTAMP),
            a -> (Long) a[2] + millis(a[0], (Integer) a[1]));
    b.scalar("TIMESTAMPSUB", "Subtracts an interval (unit, amount) from a TIMESTAMP.")
        .add(
            sig(TIMESTAMP, STRING, INT, TIMESTAMP),
            a -> (Long) a[2] - millis(a[0], (Integer) a[1]));
    b.scalar("DATEADD", "Adds an interval (unit, amount) of whole days to a DATE.")
        .add(sig(DATE, STRING, INT, DATE), a -> (Integer) a[2] + days(a[0], (Integer) a[1]));
    b.scalar("DATESUB", "Subtracts an interval (unit, amount) of whole days from a DATE.")
        .add(sig(DATE, STRING, INT, DATE), a -> (Integer) a[2] - days(a[0], (Integer) a[1]));
    b.scalar("TIMEADD", "Adds an interval (unit, amount) to a TIME, wrapping around midnight.")
        .add(
            sig(TIME, STRING, INT, TIME),
            a -> Math.floorMod((Long) a[2] + millis(a[0], (Integer) a[1]), DAY_MS));
    b.scalar(
            "TIMESUB",
            "Subtracts an interval (unit, amount) from a TIME, wrapping around midnight.")
        .add(
            sig(TIME, STRING, INT, TIME),
            a -> Math.floorMod((Long) a[2] - millis(a[0], (Integer) a[1]), DAY_MS));
  }

  private static String format(Object millis, Object pattern, Object zone) {
    return TimestampFormat.of((String) pattern)
        .formatMillis((Long) millis, ZoneId.of((String) zone));
  }

  private static long parse(Object text, Object pattern, Object zone) {
    return TimestampFormat.of((String) pattern)
        .parseMillis((String) text, ZoneId.of((String) zone));
  }

  private static long convertTz(long millis, String from, String to) {
    var wallClock = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDateTime();
    long fromMillis = wallClock.atZone(ZoneId.of(from)).toInstant().toEpochMilli();
    long toMillis = wallClock.atZone(ZoneId.of(to)).toInstant().toEpochMilli();
    return millis + (fromMillis - toMillis);
  }

  /**
   * An interval as milliseconds; the unit is a time unit name as ksqlDB spells them (DAYS,
   * HOUR...).
   */
  static long millis(Object unit, int amount) {
    return unit((String) unit).toMillis(amount);
  }

  private static int days(Object unit, int amount) {
    return (int) unit((String) unit).toDays(amount);
  }

  private static TimeUnit unit(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    String plural = upper.endsWith("S") ? upper : upper + "S";
    return TimeUnit.valueOf(plural);
  }
}
