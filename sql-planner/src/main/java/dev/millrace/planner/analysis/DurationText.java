package dev.millrace.planner.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/** Parses durations written as text, such as {@code '10 SECONDS'} (WITH WINDOW_SIZE). */
public final class DurationText {
  private static final Map<String, Long> UNITS =
      Map.ofEntries(
          Map.entry("MILLISECOND", 1L), Map.entry("MILLISECONDS", 1L),
          Map.entry("SECOND", 1_000L), Map.entry("SECONDS", 1_000L),
          Map.entry("MINUTE", 60_000L), Map.entry("MINUTES", 60_000L),
          Map.entry("HOUR", 3_600_000L), Map.entry("HOURS", 3_600_000L),
          Map.entry("DAY", 86_400_000L), Map.entry("DAYS", 86_400_000L));

  private DurationText() {}

  /**
   * The duration in milliseconds, or empty with {@code problem} set when the text is not {@code
   * <number> <unit>}.
   */
  public static Result parse(String text) {
    String[] parts = text.trim().split("\\s+");
    if (parts.length != 2) {
      return new Result(
          OptionalLong.empty(), "Invalid duration: '" + text + "'. Expected '<number> <unit>'");
    }
    long amount;
    try {
      amount = Long.parseLong(parts[0]);
    } catch (NumberFormatException e) {
      return new Result(
          OptionalLong.empty(),
          "Invalid duration: '" + text + "'. Not a number: '" + parts[0] + "'");
    }
    Long unit = UNITS.get(parts[1].toUpperCase(Locale.ROOT));
    if (unit == null) {
      return new Result(
          OptionalLong.empty(),
          "Invalid duration: '"
              + text
              + "'. Unknown time unit: '"
              + parts[1].toUpperCase(Locale.ROOT)
              + "'");
    }
    return new Result(OptionalLong.of(amount * unit), "");
  }

  /** A parsed duration, or why it could not be parsed. */
  public record Result(OptionalLong millis, String problem) {}
}
