package dev.millrace.server.api;

import java.util.Objects;

/**
 * One function in {@code SHOW FUNCTIONS}.
 *
 * @param type {@code SCALAR}, {@code AGGREGATE} or {@code TABLE}
 * @param category a grouping for display, such as {@code STRING} or {@code MATHEMATICAL}
 */
public record SimpleFunctionInfo(String name, String type, String category) {

  public SimpleFunctionInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    category = category == null ? "" : category;
  }
}
