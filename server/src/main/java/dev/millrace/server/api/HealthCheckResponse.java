package dev.millrace.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The body of {@code GET /healthcheck}.
 *
 * @param details health of each part, for example {@code metastore} and {@code kafka}
 */
public record HealthCheckResponse(
    @JsonProperty("isHealthy") boolean isHealthy, Map<String, Detail> details) {

  /** The health of one part of the server. */
  public record Detail(@JsonProperty("isHealthy") boolean isHealthy) {}

  public HealthCheckResponse {
    details = Lists.copyOrEmpty(details);
  }
}
