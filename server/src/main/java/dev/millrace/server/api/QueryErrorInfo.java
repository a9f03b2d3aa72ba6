package dev.millrace.server.api;

import java.util.Objects;

/**
 * One error a persistent query met, as EXPLAIN lists it in {@code queryErrors}.
 *
 * @param timestamp when it happened, in milliseconds since the epoch
 * @param errorMessage what went wrong (no record data)
 * @param type {@code SYSTEM} (the query restarts by itself), {@code USER} or {@code UNKNOWN}
 */
public record QueryErrorInfo(long timestamp, String errorMessage, String type) {
  public QueryErrorInfo {
    Objects.requireNonNull(errorMessage, "errorMessage");
    Objects.requireNonNull(type, "type");
  }
}
