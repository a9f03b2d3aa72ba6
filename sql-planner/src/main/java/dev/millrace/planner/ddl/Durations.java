package dev.millrace.planner.ddl;

import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.planner.PlanningException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Parses durations written as text in WITH clauses, such as {@code '10 SECONDS'}. */
final class Durations {
  private Durations() {}

  static long parse(String text, NodeLocation where) {
    String[] parts = text.trim().split("\\s+");
    if (parts.length != 2) {
      throw invalid(text, where);
    }
    long amount;
    try {
      amount = Long.parseLong(parts[0]);
    } catch (NumberFormatException notANumber) {
      throw invalid(text, where);
    }
    String unit = parts[1].toUpperCase(Locale.ROOT);
    TimeUnit timeUnit = switch (unit.endsWith("S") ? unit.substring(0, unit.length() - 1) : unit) {
      case "MILLISECOND" -> TimeUnit.MILLISECONDS;
      case "SECOND" -> TimeUnit.SECONDS;
      case "MINUTE" -> TimeUnit.MINUTES;
      case "HOUR" -> TimeUnit.HOURS;
      case "DAY" -> TimeUnit.DAYS;
      default -> throw invalid(text, where);
    };
    return timeUnit.toMillis(amount);
  }

  private static PlanningException invalid(String text, NodeLocation where) {
    return new PlanningException(where, "Invalid duration: '" + text + "'. Use a number and a unit, e.g. '10 SECONDS'.");
  }
}
