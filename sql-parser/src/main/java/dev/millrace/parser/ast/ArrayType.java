package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code ARRAY<element>}. */
public record ArrayType(DataType element) implements DataType {

  public ArrayType {
    Objects.requireNonNull(element, "element");
  }
}
