package dev.millrace.server.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One stream or table in {@code SHOW STREAMS} / {@code SHOW TABLES}.
 *
 * @param type {@code STREAM} or {@code TABLE}
 * @param isWindowed whether the source's key is windowed
 */
@JsonPropertyOrder({"type", "name", "topic", "keyFormat", "valueFormat", "isWindowed"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record SourceInfo(
    String type,
    String name,
    String topic,
    String keyFormat,
    String valueFormat,
    @JsonProperty("isWindowed") boolean isWindowed) {

  public SourceInfo {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
  }

  /** A stream: streams are never windowed at the source. */
  public static SourceInfo stream(String name, String topic, String keyFormat, String valueFormat) {
    return new SourceInfo("STREAM", name, topic, keyFormat, valueFormat, false);
  }

  /** A table, windowed when it is the result of a windowed aggregation. */
  public static SourceInfo table(
      String name, String topic, String keyFormat, String valueFormat, boolean isWindowed) {
    return new SourceInfo("TABLE", name, topic, keyFormat, valueFormat, isWindowed);
  }
}
