package dev.millrace.cli.testing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A record in "value spec" form: one key column is the bare value, several are an object; the value
 * is an object by column name (or a bare value / CSV string, by format). {@code timestamp} and
 * {@code window} are checked only where given.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TestRecord(
    String topic, JsonNode key, JsonNode value, Long timestamp, WindowSpec window) {

  /** A windowed key's bounds; {@code type} is {@code time} or {@code session}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record WindowSpec(long start, long end, String type) {}
}
