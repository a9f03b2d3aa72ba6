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
 * typo is an error at once rather than a default silently used later. Kafka Streams settings that
 * Millrace does not support are refused, and so are Kafka client settings it sets itself; client
 * settings are checked as Kafka's clients check them. Other properties it does not know are passed
 * on unchecked, as ksqlDB passes them to Kafka. Each Kafka Streams property may also be given with
 * ksqlDB's {@code ksql.streams.} prefix.
 */
public final class PropertyValues {
  private static final String STREAMS_PREFIX = "ksql.streams.";

  /** Each known property and what is wrong with a value for it (empty when nothing is). */
  private static final Map<String, Function<String, Optional<String>>> RULES =
      Map.ofEntries(
          Map.entry("auto.offset.reset", oneOf("earliest", "latest", "none")),
          Map.entry(
              "processing.guarantee",
              oneOf("at_least_once", "exactly_once", "exactly_once_beta", "exactly_once_v2")),
          Map.entry("commit.interval.ms", wholeNumber(0)),
          Map.entry("cache.max.bytes.buffering", wholeNumber(0)),
          Map.entry("statestore.cache.max.bytes", wholeNumber(0)),
          Map.entry(
              "num.stream.threads",
              only(
                  "1",
                  "each query runs on one thread; run more servers with the same ksql.service.id"
                      + " to use more cores.")),
          Map.entry(
              "num.standby.replicas",
              only("0", "Millrace keeps no standby replicas; state is restored from changelogs.")),
          Map.entry("ksql.persistence.wrap.single.values", oneOf("true", "false")),
          Map.entry(
              "ksql.variable.substitution.enable",
              only(
                  "true",
                  "Millrace always replaces ${name} with a DEFINEd variable; write $${name} to keep"
                      + " the text as it is.")),
          Map.entry("ksql.functions.collect_list.limit", wholeNumber(0)),
          Map.entry("ksql.functions.collect_set.limit", wholeNumber(0)),
          Map.entry(MaxTaskIdle.NAME, PropertyValues::maxTaskIdle));

  /** Kafka Streams settings Millrace does not support, with what does their job instead. */
  private static final Map<String, String> UNSUPPORTED =
      Map.ofEntries(
          Map.entry("application.id", "ksql.service.id and the query id name each query's group."),
          Map.entry("state.dir", "query state lives under the server's data directory."),
          Map.entry(
              "rocksdb.config.setter",
              "Millrace configures RocksDB itself; ksql.plugins.rocksdb.cache.size in the server's"
                  + " configuration bounds its memory."),
          Map.entry(
              "default.deserialization.exception.handler",
              "a record that cannot be read is skipped and reported to the processing log."),
          Map.entry(
              "processing.exception.handler",
              "a record that cannot be processed is skipped and reported to the processing log."),
          Map.entry(
              "default.production.exception.handler",
              "a query whose output cannot be written stops with an error."),
          Map.entry(
              "default.timestamp.extractor", "a source's TIMESTAMP property chooses record time."),
          Map.entry("default.key.serde", "a source's KEY_FORMAT chooses how keys are read."),
          Map.entry("default.value.serde", "a source's VALUE_FORMAT chooses how values are read."));

  /** Kafka Streams' prefixes for one kind of client; Millrace has one producer and consumers. */
  private static final List<String> UNSUPPORTED_PREFIXES =
      List.of("main.consumer.", "restore.consumer.", "global.consumer.", "admin.");

  private PropertyValues() {}

  /**
   * What is wrong with {@code value} for property {@code name}, as a sentence; empty when it is
   * fine or unknown.
   */
  public static Optional<String> problem(String name, Object value) {
    String key = name.startsWith(STREAMS_PREFIX) ? name.substring(STREAMS_PREFIX.length()) : name;
    String text = String.valueOf(value);
    Optional<String> unsupported = unsupported(key);
    if (unsupported.isPresent()) {
      return unsupported.map(reason -> "Property '" + name + "' is not supported: " + reason);
    }
    return reason(key, text.trim())
        .map(reason -> "Invalid value '" + text + "' for property '" + name + "': " + reason);
  }

  private static Optional<String> unsupported(String key) {
    if (UNSUPPORTED.containsKey(key)) {
      return Optional.of(UNSUPPORTED.get(key));
    }
    return UNSUPPORTED_PREFIXES.stream()
        .filter(key::startsWith)
        .findFirst()
        .map(prefix -> "give the setting as consumer.<setting> or producer.<setting>.");
  }

  private static Optional<String> reason(String key, String text) {
    Function<String, Optional<String>> rule = RULES.get(key);
    if (rule != null) {
      return rule.apply(text);
    }
    // The server's own bootstrap.servers (ksql.streams.bootstrap.servers) is not a query's.
    return ClientProperty.of(key)
        .filter(client -> !key.equals("bootstrap.servers"))
        .flatMap(client -> client.problem(text));
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

  private static Function<String, Optional<String>> only(String allowed, String why) {
    return text ->
        text.equals(allowed) ? Optional.empty() : Optional.of("it must be " + allowed + ": " + why);
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
