package dev.millrace.parser.ast;

import java.util.Objects;

/** A type registered with CREATE TYPE, referred to by (normalised) name. */
public record CustomType(String name) implements DataType {

  public CustomType {
    Objects.requireNonNull(name, "name");
  }
}
