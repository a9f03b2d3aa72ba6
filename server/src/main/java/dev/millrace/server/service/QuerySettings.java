package dev.millrace.server.service;

import dev.millrace.engine.runtime.ClientSettings;
import dev.millrace.engine.runtime.MaxTaskIdle;
import dev.millrace.engine.runtime.OffsetReset;
import dev.millrace.engine.runtime.ProcessingGuarantee;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How one persistent query runs, beyond its plan: the Kafka Streams settings a statement's session
 * or the server's configuration give it. The session's value wins over the server's; each may spell
 * a setting with or without the {@code ksql.streams.} prefix.
 *
 * @param maxTaskIdle {@code max.task.idle.ms}, when set (a negative duration for -1: never wait)
 * @param guarantee {@code processing.guarantee}, when set: {@code at_least_once}, or one of Kafka
 *     Streams' exactly-once spellings ({@code exactly_once}, {@code exactly_once_beta}, {@code
 *     exactly_once_v2}), which all mean Millrace's transactional exactly-once
 * @param commitInterval {@code commit.interval.ms}, when set
 * @param recordCacheBytes {@code cache.max.bytes.buffering} (or its newer name {@code
 *     statestore.cache.max.bytes}), when set: 0 emits every update of a table
 * @param clients producer and consumer settings ({@link ClientProperty}), server's then session's
 * @param offsetReset {@code auto.offset.reset}, when set: where the query starts reading a source
 *     partition it has no committed offset for
 */
public record QuerySettings(
    Optional<Duration> maxTaskIdle,
    Optional<ProcessingGuarantee> guarantee,
    Optional<Duration> commitInterval,
    Optional<Long> recordCacheBytes,
    ClientSettings clients,
    Optional<OffsetReset> offsetReset) {
  /** No settings: the backend's defaults. */
  public static final QuerySettings DEFAULTS =
      new QuerySettings(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          ClientSettings.NONE,
          Optional.empty());

  static final String PROCESSING_GUARANTEE = "processing.guarantee";
  static final String COMMIT_INTERVAL = "commit.interval.ms";
  static final List<String> RECORD_CACHE =
      List.of("statestore.cache.max.bytes", "cache.max.bytes.buffering");

  static final String OFFSET_RESET = "auto.offset.reset";

  private static final String STREAMS_PREFIX = "ksql.streams.";

  /**
   * The settings of a statement run with {@code session} on a server configured with {@code
   * server}.
   *
   * @throws EngineException (BAD_STATEMENT) if a value is invalid
   */
  static QuerySettings of(Map<String, ?> server, Map<String, ?> session, String statementText) {
    try {
      return new QuerySettings(
          setting(server, session, MaxTaskIdle.NAME).map(MaxTaskIdle::parse),
          setting(server, session, PROCESSING_GUARANTEE).map(QuerySettings::guarantee),
          setting(server, session, COMMIT_INTERVAL)
              .map(value -> Duration.ofMillis(wholeNumber(COMMIT_INTERVAL, value))),
          RECORD_CACHE.stream()
              .flatMap(
                  name -> setting(server, session, name).map(v -> wholeNumber(name, v)).stream())
              .findFirst(),
          clients(server, session),
          setting(server, session, OFFSET_RESET).map(QuerySettings::offsetReset));
    } catch (IllegalArgumentException invalid) {
      throw new EngineException(ErrorCode.BAD_STATEMENT, invalid.getMessage(), statementText);
    }
  }

  private static Optional<Object> setting(
      Map<String, ?> server, Map<String, ?> session, String name) {
    return streamsSetting(session, name).or(() -> streamsSetting(server, name));
  }

  private static ClientSettings clients(Map<String, ?> server, Map<String, ?> session) {
    Map<String, Object> producer = new HashMap<>();
    Map<String, Object> consumer = new HashMap<>();
    for (Map<String, ?> properties : List.of(server, session)) {
      for (boolean prefixed : new boolean[] {false, true}) {
        properties.forEach(
            (name, value) -> {
              if (name.startsWith(STREAMS_PREFIX) != prefixed) {
                return;
              }
              String key = prefixed ? name.substring(STREAMS_PREFIX.length()) : name;
              ClientProperty.of(key)
                  .filter(client -> !client.reserved())
                  .ifPresent(
                      client -> {
                        if (client.producer()) {
                          producer.put(client.name(), String.valueOf(value));
                        }
                        if (client.consumer()) {
                          consumer.put(client.name(), String.valueOf(value));
                        }
                      });
            });
      }
    }
    return new ClientSettings(producer, consumer);
  }

  private static long wholeNumber(String name, Object value) {
    try {
      long number = Long.parseLong(String.valueOf(value).trim());
      if (number >= 0) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // Reported below.
    }
    throw new IllegalArgumentException(
        "Invalid value '" + value + "' for " + name + ": expected a whole number of at least 0");
  }

  private static OffsetReset offsetReset(Object value) {
    String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "earliest" -> OffsetReset.EARLIEST;
      case "latest" -> OffsetReset.LATEST;
      default ->
          throw new IllegalArgumentException(
              "Invalid value '"
                  + value
                  + "' for "
                  + OFFSET_RESET
                  + ": a persistent query starts at the earliest or the latest offset");
    };
  }

  private static ProcessingGuarantee guarantee(Object value) {
    String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "at_least_once" -> ProcessingGuarantee.AT_LEAST_ONCE;
      case "exactly_once", "exactly_once_beta", "exactly_once_v2" ->
          ProcessingGuarantee.EXACTLY_ONCE;
      default ->
          throw new IllegalArgumentException(
              "Invalid value '"
                  + value
                  + "' for "
                  + PROCESSING_GUARANTEE
                  + ": expected at_least_once or exactly_once_v2");
    };
  }

  private static Optional<Object> streamsSetting(Map<String, ?> properties, String name) {
    Object value = properties.get(STREAMS_PREFIX + name);
    return Optional.ofNullable(value != null ? value : properties.get(name));
  }
}
