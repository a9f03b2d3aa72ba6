package dev.millrace.bench.data;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One page view, as the benchmark jobs read it: keyed by {@code USERID}, its value a JSON object of
 * about 181 bytes with upper-case field names, as ksqlDB's JSON format writes and reads them.
 */
@JsonPropertyOrder({"VIEWTIME", "USERID", "PAGEID", "REFERRER", "USERAGENT", "DURATION_MS"})
public record Pageview(
    @JsonProperty("VIEWTIME") long viewtime,
    @JsonProperty("USERID") String userId,
    @JsonProperty("PAGEID") String pageId,
    @JsonProperty("REFERRER") String referrer,
    @JsonProperty("USERAGENT") String userAgent,
    @JsonProperty("DURATION_MS") int durationMs) {

  /** The record key: the user id in UTF-8, as a KAFKA-format STRING key is written. */
  public byte[] key() {
    return userId.getBytes(UTF_8);
  }

  public byte[] json() {
    return Json.write(this);
  }
}
