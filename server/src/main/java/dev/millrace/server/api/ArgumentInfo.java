package dev.millrace.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One parameter of one signature of a function.
 *
 * @param type the SQL type, for example {@code VARCHAR} or {@code ARRAY<INT>}
 * @param isVariadic whether the parameter takes any number of arguments
 */
public record ArgumentInfo(
    String name, String type, String description, @JsonProperty("isVariadic") boolean isVariadic) {

  public ArgumentInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    description = description == null ? "" : description;
  }
}
