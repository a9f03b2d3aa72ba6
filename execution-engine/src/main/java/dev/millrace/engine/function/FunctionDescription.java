package dev.millrace.engine.function;

import java.util.List;

/** A function as SHOW FUNCTIONS and DESCRIBE FUNCTION present it. */
public record FunctionDescription(String name, Kind kind, String description, List<String> signatures) {

  /** The kinds of function, as ksqlDB lists them. */
  public enum Kind { SCALAR, AGGREGATE, TABLE }

  public FunctionDescription {
    signatures = List.copyOf(signatures);
  }
}
