package dev.millrace.cli.testing;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A record in "value spec" form: one key column is the bare value, several are an object; the value
 * is an object by column name (or a bare value / CSV string, by format). {@code timestamp} and
 * {@code window} are checked only where given; {@code headers} are written with inputs (outputs
 * carry none, as sinks write no headers).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TestRecord(
    String topic,
    JsonNode key,
    JsonNode value,
    Long timestamp,
    WindowSpec window,
    List<HeaderSpec> headers) {

  public TestRecord {
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  /** A record without headers. */
  public TestRecord(String topic, JsonNode key, JsonNode value, Long timestamp, WindowSpec window) {
    this(topic, key, value, timestamp, window, List.of());
  }

  /** A windowed key's bounds; {@code type} is {@code time} or {@code session}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record WindowSpec(long start, long end, String type) {}

  /** A record header: its key, and its value in base64 (null: a header without a value). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record HeaderSpec(@JsonAlias("KEY") String key, @JsonAlias("VALUE") String value) {}
}
