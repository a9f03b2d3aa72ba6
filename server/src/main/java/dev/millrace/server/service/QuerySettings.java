package dev.millrace.server.service;

import dev.millrace.engine.runtime.MaxTaskIdle;
import dev.millrace.engine.runtime.ProcessingGuarantee;
import java.time.Duration;
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
 */
public record QuerySettings(
    Optional<Duration> maxTaskIdle, Optional<ProcessingGuarantee> guarantee) {
  /** No settings: the backend's defaults. */
  public static final QuerySettings DEFAULTS =
      new QuerySettings(Optional.empty(), Optional.empty());

  static final String PROCESSING_GUARANTEE = "processing.guarantee";

  private static final String STREAMS_PREFIX = "ksql.streams.";

  /**
   * The settings of a statement run with {@code session} on a server configured with {@code
   * server}.
   *
   * @throws EngineException (BAD_STATEMENT) if a value is invalid
   */
  static QuerySettings of(Map<String, ?> server, Map<String, ?> session, String statementText) {
    Optional<Object> idle =
        streamsSetting(session, MaxTaskIdle.NAME)
            .or(() -> streamsSetting(server, MaxTaskIdle.NAME));
    Optional<Object> guarantee =
        streamsSetting(session, PROCESSING_GUARANTEE)
            .or(() -> streamsSetting(server, PROCESSING_GUARANTEE));
    try {
      return new QuerySettings(
          idle.map(MaxTaskIdle::parse), guarantee.map(QuerySettings::guarantee));
    } catch (IllegalArgumentException invalid) {
      throw new EngineException(ErrorCode.BAD_STATEMENT, invalid.getMessage(), statementText);
    }
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
