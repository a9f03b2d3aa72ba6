package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code RUN SCRIPT 'path'}: run the statements of a file, in order. */
public record RunScript(String path, NodeLocation location) implements Statement {

  public RunScript {
    Objects.requireNonNull(path, "path");
  }
}
