package dev.millrace.server.api;

import java.util.List;
import java.util.Objects;

/** One signature of a function in {@code DESCRIBE FUNCTION}. */
public record FunctionInfo(List<ArgumentInfo> arguments, String returnType, String description) {

  public FunctionInfo {
    arguments = Lists.copyOrEmpty(arguments);
    Objects.requireNonNull(returnType, "returnType");
    description = description == null ? "" : description;
  }
}
