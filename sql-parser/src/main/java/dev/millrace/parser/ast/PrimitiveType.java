package dev.millrace.parser.ast;

import java.util.Objects;

/** A type without parameters. INT and INTEGER are one kind, as are STRING and VARCHAR. */
public record PrimitiveType(Kind kind) implements DataType {

  /** The primitive kinds, named by their canonical ksqlDB spelling. */
  public enum Kind {
    BOOLEAN,
    INTEGER,
    BIGINT,
    DOUBLE,
    STRING,
    BYTES,
    DATE,
    TIME,
    TIMESTAMP
  }

  public PrimitiveType {
    Objects.requireNonNull(kind, "kind");
  }

  public static PrimitiveType of(Kind kind) {
    return new PrimitiveType(kind);
  }
}
