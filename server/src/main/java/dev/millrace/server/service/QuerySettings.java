package dev.millrace.server.service;

import dev.millrace.engine.runtime.MaxTaskIdle;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How one persistent query runs, beyond its plan: the Kafka Streams settings a statement's session
 * or the server's configuration give it. The session's value wins over the server's; each may spell
 * a setting with or without the {@code ksql.streams.} prefix.
 *
 * @param maxTaskIdle {@code max.task.idle.ms}, when set (a negative duration for -1: never wait)
 */
public record QuerySettings(Optional<Duration> maxTaskIdle) {
  /** No settings: the backend's defaults. */
  public static final QuerySettings DEFAULTS = new QuerySettings(Optional.empty());

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
    try {
      return new QuerySettings(idle.map(MaxTaskIdle::parse));
    } catch (IllegalArgumentException invalid) {
      throw new EngineException(ErrorCode.BAD_STATEMENT, invalid.getMessage(), statementText);
    }
  }

  private static Optional<Object> streamsSetting(Map<String, ?> properties, String name) {
    Object value = properties.get(STREAMS_PREFIX + name);
    return Optional.ofNullable(value != null ? value : properties.get(name));
  }
}
