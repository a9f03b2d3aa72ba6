package dev.millrace.parser.internal;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.antlr.v4.runtime.Token;

/** Maps ksqlDB's unit words (singular or plural) onto {@link TimeUnit}. */
final class TimeUnits {

  private TimeUnits() {}

  static TimeUnit of(Token token) {
    String word = token.getText().toUpperCase(Locale.ROOT);
    String singular = word.endsWith("S") ? word.substring(0, word.length() - 1) : word;
    return switch (singular) {
      case "DAY" -> TimeUnit.DAYS;
      case "HOUR" -> TimeUnit.HOURS;
      case "MINUTE" -> TimeUnit.MINUTES;
      case "SECOND" -> TimeUnit.SECONDS;
      case "MILLISECOND" -> TimeUnit.MILLISECONDS;
      default -> throw new IllegalStateException("not a time unit: " + word);
    };
  }
}
