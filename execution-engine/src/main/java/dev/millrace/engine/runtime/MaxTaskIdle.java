package dev.millrace.engine.runtime;

import java.time.Duration;

/**
 * Kafka Streams' {@code max.task.idle.ms}, as a query or a server sets it: how long a task waits
 * for records of an input partition that is empty and at its end, in milliseconds, or {@code -1} to
 * never wait (see {@link TaskInputs}).
 */
public final class MaxTaskIdle {
  /** The setting's name; ksqlDB also accepts it with the {@code ksql.streams.} prefix. */
  public static final String NAME = "max.task.idle.ms";

  /** What a valid value is, for error messages. */
  public static final String EXPECTED = "a number of milliseconds, or -1 to never wait";

  private MaxTaskIdle() {}

  /**
   * The wait {@code value} sets (a negative duration for -1). @throws IllegalArgumentException if
   * invalid
   */
  public static Duration parse(Object value) {
    String text = String.valueOf(value).trim();
    try {
      long millis = Long.parseLong(text);
      if (millis >= -1) {
        return Duration.ofMillis(millis);
      }
    } catch (NumberFormatException notANumber) {
      // reported below with what is expected
    }
    throw new IllegalArgumentException(
        "Invalid value '" + text + "' for " + NAME + ": expected " + EXPECTED);
  }
}
