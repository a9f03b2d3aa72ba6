package dev.millrace.parser;

import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.parser.ast.Statement;
import java.util.Objects;

/**
 * One statement of a script: its syntax tree and its exact original text (without the closing
 * {@code ;}), as the command log stores it. {@code location} is where the text starts in the
 * script.
 */
public record ParsedStatement(Statement statement, String text, NodeLocation location) {

  public ParsedStatement {
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(location, "location");
  }
}
