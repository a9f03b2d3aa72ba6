package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code SHOW|LIST what [EXTENDED]}. */
public record Show(Target target, boolean extended, NodeLocation location) implements Statement {

  /** What is listed. {@code ALL_TOPICS} is {@code SHOW ALL TOPICS} (internal topics too). */
  public enum Target {
    STREAMS,
    TABLES,
    QUERIES,
    TOPICS,
    ALL_TOPICS,
    PROPERTIES,
    FUNCTIONS,
    TYPES,
    VARIABLES
  }

  public Show {
    Objects.requireNonNull(target, "target");
  }
}
