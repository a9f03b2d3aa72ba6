package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code MAP<key, value>}. */
public record MapType(DataType key, DataType value) implements DataType {

  public MapType {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
