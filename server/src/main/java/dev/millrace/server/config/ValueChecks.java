package dev.millrace.server.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks of a property's value, each saying what is wrong as a sentence (empty when nothing is).
 */
public final class ValueChecks {
  /** For values the code that reads them checks, where they are read. */
  public static final Function<String, Optional<String>> CHECKED_WHERE_READ =
      text -> Optional.empty();

  private ValueChecks() {}

  /** One of {@code allowed}, in any case. */
  public static Function<String, Optional<String>> oneOf(String... allowed) {
    List<String> values = List.of(allowed);
    return text ->
        values.contains(text.toLowerCase(Locale.ROOT))
            ? Optional.empty()
            : Optional.of("it must be one of " + String.join(", ", values) + ".");
  }

  /** Only {@code allowed}: what Millrace always does, for the reason {@code why}. */
  public static Function<String, Optional<String>> only(String allowed, String why) {
    return text ->
        text.equalsIgnoreCase(allowed)
            ? Optional.empty()
            : Optional.of("it must be " + allowed + ": " + why);
  }

  /** A whole number, at least {@code least}. */
  public static Function<String, Optional<String>> wholeNumber(long least) {
    return wholeNumber(
        least, Long.MAX_VALUE, "it must be a whole number of at least " + least + ".");
  }

  /** A whole number from {@code least} to {@code most}. */
  public static Function<String, Optional<String>> wholeNumber(long least, long most) {
    return wholeNumber(
        least, most, "it must be a whole number from " + least + " to " + most + ".");
  }

  private static Function<String, Optional<String>> wholeNumber(
      long least, long most, String expected) {
    return text -> {
      try {
        long number = Long.parseLong(text);
        return number >= least && number <= most ? Optional.empty() : Optional.of(expected);
      } catch (NumberFormatException notANumber) {
        return Optional.of(expected);
      }
    };
  }
}
