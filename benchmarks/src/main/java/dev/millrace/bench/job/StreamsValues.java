package dev.millrace.bench.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.millrace.bench.data.Json;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The values the Kafka Streams jobs write: the same columns, names and JSON as Millrace's output of
 * the same job, so the two engines write the same bytes.
 */
final class StreamsValues {
  private StreamsValues() {}

  @JsonPropertyOrder({"PAGEID", "VIEWTIME", "DURATION_MS"})
  record LongView(
      @JsonProperty("PAGEID") String pageId,
      @JsonProperty("VIEWTIME") long viewtime,
      @JsonProperty("DURATION_MS") int durationMs) {}

  record Views(@JsonProperty("VIEWS") long views) {}

  /** The key of a (user, page) pair, as Millrace writes a two-column key in the JSON format. */
  @JsonPropertyOrder({"USERID", "PAGEID"})
  record UserPage(@JsonProperty("USERID") String userId, @JsonProperty("PAGEID") String pageId) {}

  @JsonPropertyOrder({"PAGEID", "VIEWTIME", "REGIONID", "GENDER"})
  record EnrichedView(
      @JsonProperty("PAGEID") String pageId,
      @JsonProperty("VIEWTIME") long viewtime,
      @JsonProperty("REGIONID") String regionId,
      @JsonProperty("GENDER") String gender) {}

  /** A serde of JSON values through the shared mapper. */
  static <T> Serde<T> json(Class<T> type) {
    return Serdes.serdeFrom(
        (topic, value) -> value == null ? null : Json.write(value),
        (topic, bytes) -> bytes == null ? null : Json.read(bytes, type));
  }
}
