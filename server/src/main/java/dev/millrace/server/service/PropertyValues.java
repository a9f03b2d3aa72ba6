package dev.millrace.server.service;

import dev.millrace.engine.runtime.MaxTaskIdle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The values that the properties Millrace knows accept, checked wherever a property is set (SET,
 * the {@code streamsProperties} or {@code properties} of a request, the shell's SET), so that a
 * typo is an error at once rather than a default silently used later. Properties it does not know
 * are passed on unchecked, as ksqlDB passes them to Kafka. Each Kafka Streams property may also be
 * given with ksqlDB's {@code ksql.streams.} prefix.
 */
public final class PropertyValues {
  private static final String STREAMS_PREFIX = "ksql.streams.";

  /** Each known property and what is wrong with a value for it (empty when nothing is). */
  private static final Map<String, Function<String, Optional<String>>> RULES =
      Map.of(
          "auto.offset.reset",
          oneOf("earliest", "latest", "none"),
          "processing.guarantee",
          oneOf("at_least_once", "exactly_once", "exactly_once_beta", "exactly_once_v2"),
          "commit.interval.ms",
          wholeNumber(0),
          "cache.max.bytes.buffering",
          wholeNumber(0),
          "statestore.cache.max.bytes",
          wholeNumber(0),
          "num.stream.threads",
          wholeNumber(1),
          "ksql.persistence.wrap.single.values",
          oneOf("true", "false"),
          MaxTaskIdle.NAME,
          PropertyValues::maxTaskIdle);

  private PropertyValues() {}

  /**
   * What is wrong with {@code value} for property {@code name}, as a sentence; empty when it is
   * fine or unknown.
   */
  public static Optional<String> problem(String name, Object value) {
    String key = name.startsWith(STREAMS_PREFIX) ? name.substring(STREAMS_PREFIX.length()) : name;
    Function<String, Optional<String>> rule = RULES.get(key);
    String text = String.valueOf(value);
    return rule == null
        ? Optional.empty()
        : rule.apply(text.trim())
            .map(reason -> "Invalid value '" + text + "' for property '" + name + "': " + reason);
  }

  /** Fails with a BAD_REQUEST error naming the first property of a request whose value is wrong. */
  static void checkRequest(Map<String, Object> properties) {
    new TreeMap<>(properties)
        .forEach(
            (name, value) ->
                problem(name, value)
                    .ifPresent(
                        problem -> {
                          throw new EngineException(ErrorCode.BAD_REQUEST, problem);
                        }));
  }

  private static Optional<String> maxTaskIdle(String text) {
    try {
      MaxTaskIdle.parse(text);
      return Optional.empty();
    } catch (IllegalArgumentException invalid) {
      return Optional.of("it must be " + MaxTaskIdle.EXPECTED + ".");
    }
  }

  private static Function<String, Optional<String>> oneOf(String... allowed) {
    List<String> values = List.of(allowed);
    return text ->
        values.contains(text.toLowerCase(Locale.ROOT))
            ? Optional.empty()
            : Optional.of("it must be one of " + String.join(", ", values) + ".");
  }

  private static Function<String, Optional<String>> wholeNumber(long least) {
    return text -> {
      try {
        return Long.parseLong(text) >= least
            ? Optional.empty()
            : Optional.of("it must be a whole number of at least " + least + ".");
      } catch (NumberFormatException notANumber) {
        return Optional.of("it must be a whole number of at least " + least + ".");
      }
    };
  }
}
